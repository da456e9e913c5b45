import { Injectable } from '@nestjs/common';
import { EventSubscribers } from '@congocart/shared';
import { FanOutEvent } from '../application/fan-out-event.use-case';
import type { WebhookEvent } from '../domain/event-types';

/** Every committed event becomes deliveries to the endpoints subscribed to it (subscriber `webhooks.fan-out`). */
@Injectable()
export class WebhookFanOutSubscriber {
  constructor(subscribers: EventSubscribers, fanOut: FanOutEvent) {
    subscribers.add({ name: 'webhooks.fan-out', events: ['*'], handle: (event) => fanOut.execute(event as WebhookEvent) });
  }
}

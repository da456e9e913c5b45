import { Injectable } from '@nestjs/common';
import { Transactional } from '@congocart/shared';
import { orderKeyOf, WebhookEvent } from '../domain/event-types';
import type { WebhookDelivery } from '../domain/webhook-delivery';
import { webhookBody } from '../domain/webhook-body';
import { DeliveryQueue } from './delivery-queue.port';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';

/**
 * One delivery per active endpoint subscribed to the event's type (or `*`), each scheduled now,
 * rows and jobs in one transaction. Idempotent: (endpoint, event) is unique, so fanning the same
 * event out again creates and schedules nothing (the job that calls this may run twice).
 */
@Injectable()
export class FanOutEvent {
  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly queue: DeliveryQueue,
  ) {}

  @Transactional()
  async execute(event: WebhookEvent): Promise<WebhookDelivery[]> {
    const now = new Date();
    const created = await this.deliveries.createForSubscribers({ event, body: webhookBody(event), orderKey: orderKeyOf(event), now });
    for (const delivery of created) await this.queue.schedule(delivery.id, now);
    return created;
  }
}

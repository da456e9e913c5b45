import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Transactional } from '@congocart/shared';
import { PING_EVENT_TYPE, WebhookEvent } from '../domain/event-types';
import type { WebhookDelivery } from '../domain/webhook-delivery';
import { webhookBody } from '../domain/webhook-body';
import { WebhookEndpointNotFoundError } from '../domain/webhooks.errors';
import { DeliveryQueue } from './delivery-queue.port';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';

/** Sends a `ping` event to one endpoint, whatever it subscribes to: a check of URL and signature. */
@Injectable()
export class PingWebhookEndpoint {
  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly queue: DeliveryQueue,
  ) {}

  // The change and its delivery jobs commit together.
  @Transactional()
  async execute(endpointId: string): Promise<WebhookDelivery> {
    const now = new Date();
    const event: WebhookEvent = { id: randomUUID(), type: PING_EVENT_TYPE, occurredAt: now.toISOString(), data: { webhookId: endpointId } };
    const delivery = await this.deliveries.createForEndpoint(endpointId, { event, body: webhookBody(event), orderKey: null, now });
    if (!delivery) throw new WebhookEndpointNotFoundError();
    await this.queue.schedule(delivery.id, now);
    return delivery;
  }
}

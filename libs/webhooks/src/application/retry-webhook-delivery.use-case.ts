import { Injectable } from '@nestjs/common';
import { Transactional } from '@congocart/shared';
import type { WebhookDelivery } from '../domain/webhook-delivery';
import { WebhookDeliveryNotFoundError, WebhookEndpointInactiveError, WebhookEndpointNotFoundError } from '../domain/webhooks.errors';
import { DeliveryQueue } from './delivery-queue.port';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

/**
 * Sends a delivery again now (a dead one, or a replay of a succeeded one). A dead delivery gets
 * one more attempt: failing it leaves it dead again rather than restarting a day of retries.
 */
@Injectable()
export class RetryWebhookDelivery {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly queue: DeliveryQueue,
  ) {}

  // The change and its delivery jobs commit together.
  @Transactional()
  async execute(endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
    const endpoint = await this.endpoints.findById(endpointId);
    if (!endpoint) throw new WebhookEndpointNotFoundError();
    if (!endpoint.active) throw new WebhookEndpointInactiveError();
    const now = new Date();
    const delivery = await this.deliveries.requeue(endpointId, deliveryId, now);
    if (!delivery) throw new WebhookDeliveryNotFoundError();
    await this.queue.schedule(delivery.id, now);
    return delivery;
  }
}

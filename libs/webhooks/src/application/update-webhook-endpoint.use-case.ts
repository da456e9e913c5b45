import { Injectable } from '@nestjs/common';
import { Transactional } from '@congocart/shared';
import type { WebhookEndpoint } from '../domain/webhook-endpoint';
import { WebhookEndpointNotFoundError } from '../domain/webhooks.errors';
import { subscription } from './create-webhook-endpoint.use-case';
import { DeliveryQueue } from './delivery-queue.port';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { EndpointChanges, WebhookEndpointRepository } from './webhook-endpoint.repository';
import { WebhookUrlPolicy } from './webhook-url-policy.port';

export interface UpdateWebhookEndpointCommand {
  url?: string;
  events?: string[];
  description?: string | null;
  active?: boolean;
}

/** Partial update; re-activating an endpoint resumes its open deliveries. */
@Injectable()
export class UpdateWebhookEndpoint {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly urlPolicy: WebhookUrlPolicy,
    private readonly queue: DeliveryQueue,
  ) {}

  // The change and its delivery jobs commit together.
  @Transactional()
  async execute(id: string, command: UpdateWebhookEndpointCommand): Promise<WebhookEndpoint> {
    const before = await this.endpoints.findById(id);
    if (!before) throw new WebhookEndpointNotFoundError();
    const changes: EndpointChanges = {};
    if (command.url !== undefined) {
      await this.urlPolicy.check(command.url);
      changes.url = command.url;
    }
    if (command.events !== undefined) changes.events = subscription(command.events);
    if (command.description !== undefined) changes.description = command.description;
    if (command.active !== undefined) changes.active = command.active;
    const now = new Date();
    const updated = await this.endpoints.update(id, changes, now);
    if (!updated) throw new WebhookEndpointNotFoundError();
    if (updated.active && !before.active) {
      for (const delivery of await this.deliveries.listOpen(id, 1000)) await this.queue.schedule(delivery.id, now);
    }
    return updated;
  }
}

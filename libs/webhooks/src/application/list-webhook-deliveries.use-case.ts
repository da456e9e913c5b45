import { Injectable } from '@nestjs/common';
import { encodeCursor, Page, toPage } from '@congocart/shared';
import type { WebhookDelivery } from '../domain/webhook-delivery';
import { WebhookEndpointNotFoundError } from '../domain/webhooks.errors';
import { sequenceFromCursor } from './list-webhook-endpoints.use-case';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

/** An endpoint's delivery log, newest first. */
@Injectable()
export class ListWebhookDeliveries {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {}

  async execute(endpointId: string, query: { limit: number; cursor?: string }): Promise<Page<WebhookDelivery>> {
    if (!(await this.endpoints.findById(endpointId))) throw new WebhookEndpointNotFoundError();
    const scope = { list: 'webhook-deliveries', endpointId, sort: '-createdAt' };
    const before = query.cursor ? sequenceFromCursor(query.cursor, scope) : null;
    const rows = await this.deliveries.listForEndpoint(endpointId, before, query.limit + 1);
    return toPage(
      rows,
      query.limit,
      (row) => row.delivery,
      (row) => encodeCursor([row.seq], scope),
    );
  }
}

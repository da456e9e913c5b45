import { Injectable } from '@nestjs/common';
import type { WebhookEndpoint } from '../domain/webhook-endpoint';
import { WebhookEndpointNotFoundError } from '../domain/webhooks.errors';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

@Injectable()
export class GetWebhookEndpoint {
  constructor(private readonly endpoints: WebhookEndpointRepository) {}

  async execute(id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.endpoints.findById(id);
    if (!endpoint) throw new WebhookEndpointNotFoundError();
    return endpoint;
  }
}

import { Injectable } from '@nestjs/common';
import { WebhookEndpointNotFoundError } from '../domain/webhooks.errors';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

/** Removes the endpoint and its delivery log; scheduled attempts then find nothing to send. */
@Injectable()
export class DeleteWebhookEndpoint {
  constructor(private readonly endpoints: WebhookEndpointRepository) {}

  async execute(id: string): Promise<void> {
    if (!(await this.endpoints.delete(id))) throw new WebhookEndpointNotFoundError();
  }
}

import { Injectable } from '@nestjs/common';
import type { WebhookEndpoint } from '../domain/webhook-endpoint';
import { newWebhookSecret } from '../domain/webhook-secret';
import { WebhookEndpointNotFoundError } from '../domain/webhooks.errors';
import { SecretCipher } from './secret-cipher.port';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

/** Issues a new secret (shown once); every attempt from now on is signed with it. */
@Injectable()
export class RotateWebhookSecret {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly cipher: SecretCipher,
  ) {}

  async execute(id: string): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const secret = newWebhookSecret();
    if (!(await this.endpoints.replaceSecret(id, this.cipher.encrypt(secret), new Date()))) throw new WebhookEndpointNotFoundError();
    const endpoint = await this.endpoints.findById(id);
    if (!endpoint) throw new WebhookEndpointNotFoundError();
    return { endpoint, secret };
  }
}

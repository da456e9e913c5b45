import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from '@congocart/shared';
import { normaliseSubscription } from '../domain/event-types';
import type { WebhookEndpoint } from '../domain/webhook-endpoint';
import { newWebhookSecret } from '../domain/webhook-secret';
import { SecretCipher } from './secret-cipher.port';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { WebhookUrlPolicy } from './webhook-url-policy.port';

export interface CreateWebhookEndpointCommand {
  url: string;
  events: string[];
  description?: string | null;
  active?: boolean;
}

/** Registers an endpoint; the secret is returned here once and stored only encrypted. */
@Injectable()
export class CreateWebhookEndpoint {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly urlPolicy: WebhookUrlPolicy,
    private readonly cipher: SecretCipher,
  ) {}

  async execute(command: CreateWebhookEndpointCommand): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    await this.urlPolicy.check(command.url);
    const now = new Date();
    const endpoint: WebhookEndpoint = {
      id: randomUUID(),
      url: command.url,
      events: subscription(command.events),
      description: command.description ?? null,
      active: command.active ?? true,
      failingSince: null,
      createdAt: now,
      updatedAt: now,
    };
    const secret = newWebhookSecret();
    await this.endpoints.insert(endpoint, this.cipher.encrypt(secret));
    return { endpoint, secret };
  }
}

export function subscription(events: string[]): string[] {
  const normalised = normaliseSubscription(events);
  if (!normalised) throw new ValidationFailedError([{ field: 'events', message: 'events must be event types, or ["*"] alone' }]);
  return normalised;
}

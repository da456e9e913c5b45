import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import { WebhookUrlPolicy } from '../application/webhook-url-policy.port';
import { isPrivateAddress, webhookUrlProblem } from '../domain/webhook-url';
import { WebhookUrlNotAllowedError } from '../domain/webhooks.errors';
import { WebhooksConfig } from '../webhooks.config';

/** Scheme rules always; in production (unless WEBHOOK_ALLOW_PRIVATE_URLS) every address the host resolves to must be public. */
@Injectable()
export class DnsWebhookUrlPolicy extends WebhookUrlPolicy {
  constructor(private readonly config: WebhooksConfig) {
    super();
  }

  async check(raw: string): Promise<void> {
    const problem = webhookUrlProblem(raw, this.config.production);
    if (problem) throw new WebhookUrlNotAllowedError(problem);
    if (!this.config.guardsPrivateAddresses) return;
    const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host) ? [host] : await resolve(host);
    if (addresses.length === 0) throw new WebhookUrlNotAllowedError('names a host that does not resolve');
    if (addresses.some(isPrivateAddress)) throw new WebhookUrlNotAllowedError('resolves to a private, loopback or link-local address');
  }
}

async function resolve(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    return [];
  }
}

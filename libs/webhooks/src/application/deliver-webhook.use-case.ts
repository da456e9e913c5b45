import { Injectable } from '@nestjs/common';
import { signWebhook, Transactional } from '@congocart/shared';
import type { AttemptResult, WebhookDelivery } from '../domain/webhook-delivery';
import { WebhookUrlNotAllowedError } from '../domain/webhooks.errors';
import { WebhooksConfig } from '../webhooks.config';
import { DeliveryQueue } from './delivery-queue.port';
import { RecordDeliveryAttempt } from './record-delivery-attempt';
import { SecretCipher } from './secret-cipher.port';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { WebhookSender } from './webhook-sender.port';
import { WebhookUrlPolicy } from './webhook-url-policy.port';

export type DeliveryRun = 'succeeded' | 'failed' | 'dead' | 'skipped';

/** Extra lease beyond the request timeout before another run may take over a claimed attempt. */
const LEASE_MARGIN_MS = 30_000;

/**
 * One attempt of one delivery, for the delivery job. It claims the delivery first (a conditional
 * UPDATE), so a duplicate run, a manual retry racing a scheduled one, or a delivery held back
 * behind an earlier one for the same order, does nothing ('skipped'). A held-back delivery is
 * woken when the one before it is settled (succeeded or dead); a run that comes too early (clock
 * skew) or while another run holds the claim schedules itself again for then, so no open
 * delivery is left without a job.
 */
@Injectable()
export class DeliverWebhook {
  constructor(
    private readonly config: WebhooksConfig,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly cipher: SecretCipher,
    private readonly urlPolicy: WebhookUrlPolicy,
    private readonly sender: WebhookSender,
    private readonly queue: DeliveryQueue,
    private readonly recordAttempt: RecordDeliveryAttempt,
  ) {}

  async execute(deliveryId: string): Promise<DeliveryRun> {
    const claimedAt = new Date();
    const delivery = await this.deliveries.claim(
      deliveryId,
      claimedAt,
      new Date(claimedAt.getTime() + this.config.timeoutMs + LEASE_MARGIN_MS),
    );
    if (!delivery) {
      const later = await this.deliveries.dueLater(deliveryId, claimedAt);
      if (later) await this.queue.schedule(deliveryId, later);
      return 'skipped';
    }
    const endpoint = await this.endpoints.findById(delivery.endpointId);
    const sealed = await this.endpoints.findSecret(delivery.endpointId);
    if (!endpoint || !sealed) return 'skipped'; // deleted meanwhile: its deliveries went with it

    const result = await this.attempt(endpoint.url, delivery.eventId, delivery.body, this.cipher.decrypt(sealed));
    return this.settle(delivery, result);
  }

  /** The outcome and the job of what follows (the next attempt, or the next delivery in line) commit together. */
  @Transactional()
  private async settle(delivery: WebhookDelivery, result: AttemptResult): Promise<DeliveryRun> {
    const outcome = await this.recordAttempt.execute(delivery, result, new Date());
    if (outcome.status === 'failed') {
      await this.queue.schedule(delivery.id, outcome.nextAttemptAt);
    } else {
      const next = await this.deliveries.nextInLine(delivery.id);
      if (next) await this.queue.schedule(next.id, new Date());
    }
    return outcome.status;
  }

  private async attempt(url: string, eventId: string, body: string, secret: string): Promise<AttemptResult> {
    try {
      await this.urlPolicy.check(url); // again at delivery time: DNS may have changed since registration
    } catch (error) {
      if (error instanceof WebhookUrlNotAllowedError) return { ok: false, statusCode: null, error: error.message };
      throw error;
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'CongoCart-Webhooks/1.0',
      'webhook-id': eventId,
      'webhook-signature': signWebhook(secret, body, timestamp),
    };
    return this.sender.post(url, headers, body);
  }
}

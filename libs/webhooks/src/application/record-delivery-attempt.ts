import { Injectable, Logger } from '@nestjs/common';
import { Transactional } from '@congocart/shared';
import type { AttemptResult, WebhookDelivery } from '../domain/webhook-delivery';
import { nextAttemptAfterFailure, NextAttempt } from '../domain/retry-schedule';
import { WebhooksConfig } from '../webhooks.config';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { WebhookMetrics } from './webhook-metrics.port';

export type RecordedOutcome = { status: 'succeeded' } | { status: 'dead' } | { status: 'failed'; nextAttemptAt: Date };

/** Writes one attempt's outcome, the endpoint's health and, after a day of failures, its disabling, in one transaction. */
@Injectable()
export class RecordDeliveryAttempt {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly config: WebhooksConfig,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly metrics: WebhookMetrics,
  ) {}

  @Transactional()
  async execute(delivery: WebhookDelivery, result: AttemptResult, now: Date): Promise<RecordedOutcome> {
    if (result.ok) {
      await this.deliveries.recordAttempt(delivery.id, {
        status: 'succeeded',
        lastStatusCode: result.statusCode,
        lastError: null,
        nextAttemptAt: null,
        now,
      });
      await this.endpoints.markHealthy(delivery.endpointId);
      this.metrics.attempted('succeeded');
      return { status: 'succeeded' };
    }
    const next: NextAttempt = nextAttemptAfterFailure(delivery.attempts + 1, now, this.config.retryScheduleSeconds, Math.random());
    await this.deliveries.recordAttempt(delivery.id, {
      status: next.status,
      lastStatusCode: result.statusCode,
      lastError: result.error,
      nextAttemptAt: next.status === 'failed' ? next.nextAttemptAt : null,
      now,
    });
    await this.endpoints.markFailing(delivery.endpointId, now);
    this.metrics.attempted(next.status);
    const threshold = new Date(now.getTime() - this.config.disableAfterMs);
    if (await this.endpoints.disableIfFailingSince(delivery.endpointId, threshold, now)) {
      this.metrics.endpointDisabled();
      this.logger.warn(
        { endpointId: delivery.endpointId, failingFor: `${this.config.disableAfterMs / 3_600_000} h` },
        'Webhook endpoint disabled: every attempt failed for too long',
      );
    }
    return next;
  }
}

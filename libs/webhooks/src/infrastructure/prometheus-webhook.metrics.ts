import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { Metrics } from '@congocart/shared';
import { WebhookDeliveryRepository } from '../application/webhook-delivery.repository';
import { AttemptOutcome, WebhookMetrics } from '../application/webhook-metrics.port';

/** Registered on the app's one registry, so they appear on /metrics. */
@Injectable()
export class PrometheusWebhookMetrics extends WebhookMetrics {
  private readonly attempts: Counter<'outcome'>;
  private readonly disabled: Counter;

  constructor(metrics: Metrics, deliveries: WebhookDeliveryRepository) {
    super();
    this.attempts = new Counter({
      name: 'webhook_delivery_attempts_total',
      help: 'Outbound webhook attempts by outcome (succeeded, failed with a retry left, dead)',
      labelNames: ['outcome'] as const,
      registers: [metrics.registry],
    });
    this.disabled = new Counter({
      name: 'webhook_endpoints_disabled_total',
      help: 'Webhook endpoints disabled automatically after failing for too long',
      registers: [metrics.registry],
    });
    new Gauge({
      name: 'webhook_deliveries_dead',
      help: 'Webhook deliveries currently dead (retries spent, not retried by hand)',
      registers: [metrics.registry],
      async collect() {
        try {
          this.set(await deliveries.countDead());
        } catch {
          // database unavailable: /metrics still answers, with the last value
        }
      },
    });
  }

  attempted(outcome: AttemptOutcome): void {
    this.attempts.inc({ outcome });
  }

  endpointDisabled(): void {
    this.disabled.inc();
  }
}

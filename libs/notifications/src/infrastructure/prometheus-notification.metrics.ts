import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { Metrics } from '@congocart/shared';
import type { TemplateName } from '../domain/notification';
import { MailOutcome, NotificationMetrics } from '../application/notification-metrics.port';

@Injectable()
export class PrometheusNotificationMetrics extends NotificationMetrics {
  private readonly mails: Counter<'template' | 'outcome'>;

  constructor(metrics: Metrics) {
    super();
    this.mails = new Counter({
      name: 'emails_total',
      help: 'Customer e-mails by template and outcome (sent, failed, duplicate: already sent for that event and recipient)',
      labelNames: ['template', 'outcome'] as const,
      registers: [metrics.registry],
    });
  }

  mail(template: TemplateName, outcome: MailOutcome): void {
    this.mails.inc({ template, outcome });
  }
}

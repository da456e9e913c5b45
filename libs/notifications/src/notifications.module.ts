import { Module } from '@nestjs/common';
import { MailTransport } from './application/mail-transport.port';
import { NotificationLog } from './application/notification-log.port';
import { NotificationMetrics } from './application/notification-metrics.port';
import { NotifyCustomer } from './application/notify-customer.use-case';
import { SendNotification } from './application/send-notification.use-case';
import { CustomerEmailSubscriber } from './infrastructure/customer-email.subscriber';
import { EmlFileMailTransport } from './infrastructure/eml-file-mail.transport';
import { PrometheusNotificationMetrics } from './infrastructure/prometheus-notification.metrics';
import { SmtpMailTransport } from './infrastructure/smtp-mail.transport';
import { SqlNotificationLog } from './infrastructure/sql-notification.log';
import { NotificationsConfig } from './notifications.config';

/**
 * Customer e-mails. No HTTP surface: the `notifications.customer-email` event subscriber calls
 * NotifyCustomer for order events; SendNotification (any template, e.g. password reset) is for other contexts.
 */
@Module({
  providers: [
    { provide: NotificationsConfig, useFactory: () => new NotificationsConfig() },
    {
      provide: MailTransport,
      inject: [NotificationsConfig],
      useFactory: (config: NotificationsConfig) =>
        config.smtpUrl ? new SmtpMailTransport(config.smtpUrl) : new EmlFileMailTransport(config.outboxDir),
    },
    { provide: NotificationLog, useClass: SqlNotificationLog },
    { provide: NotificationMetrics, useClass: PrometheusNotificationMetrics },
    SendNotification,
    NotifyCustomer,
    CustomerEmailSubscriber,
  ],
  exports: [SendNotification, NotifyCustomer],
})
export class NotificationsModule {}

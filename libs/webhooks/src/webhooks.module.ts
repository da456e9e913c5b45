import { Module } from '@nestjs/common';
import { AdminWebhooksController } from './api/admin-webhooks.controller';
import { WebhookDeliveriesController } from './api/webhook-deliveries.controller';
import { CreateWebhookEndpoint } from './application/create-webhook-endpoint.use-case';
import { DeleteWebhookEndpoint } from './application/delete-webhook-endpoint.use-case';
import { DeliverWebhook } from './application/deliver-webhook.use-case';
import { DeliveryQueue } from './application/delivery-queue.port';
import { FanOutEvent } from './application/fan-out-event.use-case';
import { GetWebhookEndpoint } from './application/get-webhook-endpoint.use-case';
import { ListWebhookDeliveries } from './application/list-webhook-deliveries.use-case';
import { ListWebhookEndpoints } from './application/list-webhook-endpoints.use-case';
import { PingWebhookEndpoint } from './application/ping-webhook-endpoint.use-case';
import { RecordDeliveryAttempt } from './application/record-delivery-attempt';
import { RetryWebhookDelivery } from './application/retry-webhook-delivery.use-case';
import { RotateWebhookSecret } from './application/rotate-webhook-secret.use-case';
import { SecretCipher } from './application/secret-cipher.port';
import { UpdateWebhookEndpoint } from './application/update-webhook-endpoint.use-case';
import { WebhookDeliveryRepository } from './application/webhook-delivery.repository';
import { WebhookEndpointRepository } from './application/webhook-endpoint.repository';
import { WebhookMetrics } from './application/webhook-metrics.port';
import { WebhookSender } from './application/webhook-sender.port';
import { WebhookUrlPolicy } from './application/webhook-url-policy.port';
import { AesGcmSecretCipher } from './infrastructure/aes-gcm-secret.cipher';
import { DnsWebhookUrlPolicy } from './infrastructure/dns-webhook-url.policy';
import { JobQueueDeliveryQueue } from './infrastructure/job-queue-delivery.queue';
import { NodeHttpWebhookSender } from './infrastructure/node-http-webhook.sender';
import { PrometheusWebhookMetrics } from './infrastructure/prometheus-webhook.metrics';
import { SqlWebhookDeliveryRepository } from './infrastructure/sql-webhook-delivery.repository';
import { SqlWebhookEndpointRepository } from './infrastructure/sql-webhook-endpoint.repository';
import { WebhookDeliveryJob } from './infrastructure/webhook-delivery.job';
import { WebhookFanOutSubscriber } from './infrastructure/webhook-fan-out.subscriber';
import { WebhooksConfig } from './webhooks.config';

/**
 * Outbound webhooks: endpoints (admin API), the `webhooks.fan-out` event subscriber (events into
 * deliveries), signed attempts with backoff as jobs of the `webhooks.deliver` queue.
 */
@Module({
  controllers: [AdminWebhooksController, WebhookDeliveriesController],
  providers: [
    { provide: WebhooksConfig, useFactory: () => new WebhooksConfig() },
    { provide: WebhookEndpointRepository, useClass: SqlWebhookEndpointRepository },
    { provide: WebhookDeliveryRepository, useClass: SqlWebhookDeliveryRepository },
    { provide: SecretCipher, useClass: AesGcmSecretCipher },
    { provide: WebhookUrlPolicy, useClass: DnsWebhookUrlPolicy },
    { provide: WebhookSender, useClass: NodeHttpWebhookSender },
    { provide: WebhookMetrics, useClass: PrometheusWebhookMetrics },
    { provide: DeliveryQueue, useClass: JobQueueDeliveryQueue },
    WebhookDeliveryJob,
    WebhookFanOutSubscriber,
    CreateWebhookEndpoint,
    ListWebhookEndpoints,
    GetWebhookEndpoint,
    UpdateWebhookEndpoint,
    DeleteWebhookEndpoint,
    RotateWebhookSecret,
    FanOutEvent,
    DeliverWebhook,
    RecordDeliveryAttempt,
    ListWebhookDeliveries,
    RetryWebhookDelivery,
    PingWebhookEndpoint,
  ],
  exports: [FanOutEvent, DeliverWebhook, DeliveryQueue],
})
export class WebhooksModule {}

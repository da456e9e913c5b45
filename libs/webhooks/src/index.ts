// The webhooks context's public surface: what a job handler (and the event producer) may call.
export { WebhooksModule } from './webhooks.module';
export { WebhooksConfig } from './webhooks.config';
export { FanOutEvent } from './application/fan-out-event.use-case';
export { DeliverWebhook } from './application/deliver-webhook.use-case';
export type { DeliveryRun } from './application/deliver-webhook.use-case';
export { DeliveryQueue } from './application/delivery-queue.port';
export { WEBHOOK_EVENT_TYPES, PING_EVENT_TYPE } from './domain/event-types';
export type { WebhookEvent, WebhookEventType } from './domain/event-types';

// The payments context's public surface. It also provides ordering's OrderRefunds and
// OrderPaymentRecords ports (PaymentsModule is @Global for that reason).
export { PaymentsModule } from './payments.module';
export { PaymentsConfig } from './payments.config';
export { PaymentProvider, PaymentProviders } from './application/payment-provider.port';
export { HandlePaymentWebhook } from './application/handle-payment-webhook.use-case';
export { ReconcilePendingPayments } from './application/reconcile-pending-payments.use-case';

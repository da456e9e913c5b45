// The payments context's public surface. PaymentPortsModule provides ordering's OrderRefunds and
// OrderPaymentRecords ports; the composition root binds it into OrderingModule.forRoot.
export { PaymentsModule } from './payments.module';
export { PaymentPortsModule } from './payment-ports.module';
export { PaymentsConfig } from './payments.config';
export { PaymentProvider, PaymentProviders } from './application/payment-provider.port';
export { HandlePaymentWebhook } from './application/handle-payment-webhook.use-case';
export { ReconcilePendingPayments } from './application/reconcile-pending-payments.use-case';

import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrderingModule, OrderPaymentRecords, OrderRefunds } from '@congocart/ordering';
import { IdempotencyModule } from '@congocart/shared';
import { OrderPaymentsController } from './api/order-payments.controller';
import { PaymentWebhooksController } from './api/payment-webhooks.controller';
import { HandlePaymentWebhook } from './application/handle-payment-webhook.use-case';
import { PayOrder } from './application/pay-order.use-case';
import { PaymentProviders } from './application/payment-provider.port';
import { PaymentRecordsForOrders } from './application/payment-records-for-orders';
import { PaymentRepository } from './application/payment.repository';
import { ProviderOrderRefunds } from './application/provider-order-refunds';
import { ReconcilePendingPayments } from './application/reconcile-pending-payments.use-case';
import { SettlePayment } from './application/settle-payment';
import { ConfiguredPaymentProviders } from './infrastructure/configured-payment-providers';
import { PaymentWebhookEventEntity } from './infrastructure/payment-webhook-event.entity';
import { PaymentEntity } from './infrastructure/payment.entity';
import { PaymentReconciliationJob } from './infrastructure/payment-reconciliation.job';
import { SandboxPaymentProvider } from './infrastructure/sandbox-payment.provider';
import { SqlPaymentRepository } from './infrastructure/sql-payment.repository';
import { PaymentsConfig } from './payments.config';

/**
 * Payments. Depends on ordering (OrderSettlement) through its public index; ordering's
 * payment ports (OrderRefunds, OrderPaymentRecords) are implemented here and exported from this
 * @Global() module, so OrderingModule receives them without importing PaymentsModule: no import
 * cycle between the contexts, no forwardRef. Only those two ports are exported.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([PaymentEntity, PaymentWebhookEventEntity]), OrderingModule, IdempotencyModule],
  controllers: [OrderPaymentsController, PaymentWebhooksController],
  providers: [
    { provide: PaymentsConfig, useFactory: () => new PaymentsConfig() },
    { provide: PaymentRepository, useClass: SqlPaymentRepository },
    SandboxPaymentProvider,
    { provide: PaymentProviders, useClass: ConfiguredPaymentProviders },
    SettlePayment,
    PayOrder,
    HandlePaymentWebhook,
    ReconcilePendingPayments,
    PaymentReconciliationJob,
    { provide: OrderRefunds, useClass: ProviderOrderRefunds },
    { provide: OrderPaymentRecords, useClass: PaymentRecordsForOrders },
  ],
  exports: [OrderRefunds, OrderPaymentRecords, ReconcilePendingPayments],
})
export class PaymentsModule {}

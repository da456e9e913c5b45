import { DynamicModule, Module } from '@nestjs/common';
import { IdempotencyModule } from '@congocart/shared';
import { GuestOrderPaymentsController } from './api/guest-order-payments.controller';
import { OrderPaymentsController } from './api/order-payments.controller';
import { PaymentWebhooksController } from './api/payment-webhooks.controller';
import { HandlePaymentWebhook } from './application/handle-payment-webhook.use-case';
import { PayOrder } from './application/pay-order.use-case';
import { ReconcilePendingPayments } from './application/reconcile-pending-payments.use-case';
import { SettlePayment } from './application/settle-payment';
import { PaymentReconciliationTask } from './infrastructure/payment-reconciliation.task';
import { PaymentPortsModule } from './payment-ports.module';

/**
 * Payments' HTTP side and use cases. Depends on ordering (OrderSettlement) through the ordering
 * module the composition root configured, passed in so that both are the same instance.
 */
@Module({})
export class PaymentsModule {
  static forRoot(options: { ordering: DynamicModule }): DynamicModule {
    return {
      module: PaymentsModule,
      imports: [options.ordering, PaymentPortsModule, IdempotencyModule],
      controllers: [OrderPaymentsController, GuestOrderPaymentsController, PaymentWebhooksController],
      providers: [SettlePayment, PayOrder, HandlePaymentWebhook, ReconcilePendingPayments, PaymentReconciliationTask],
      exports: [ReconcilePendingPayments],
    };
  }
}

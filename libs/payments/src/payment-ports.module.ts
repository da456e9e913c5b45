import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrderPaymentRecords, OrderRefunds } from '@congocart/ordering';
import { PaymentProviders } from './application/payment-provider.port';
import { PaymentRecordsForOrders } from './application/payment-records-for-orders';
import { PaymentRepository } from './application/payment.repository';
import { ProviderOrderRefunds } from './application/provider-order-refunds';
import { ConfiguredPaymentProviders } from './infrastructure/configured-payment-providers';
import { PaymentWebhookEventEntity } from './infrastructure/payment-webhook-event.entity';
import { PaymentEntity } from './infrastructure/payment.entity';
import { SandboxPaymentProvider } from './infrastructure/sandbox-payment.provider';
import { SqlPaymentRepository } from './infrastructure/sql-payment.repository';
import { PaymentsConfig } from './payments.config';

/**
 * Payments' storage and providers, and the two ports ordering declares and payments implements
 * (OrderRefunds, OrderPaymentRecords). It does not import OrderingModule: the composition root
 * hands it to `OrderingModule.forRoot({ payments })`, so the module graph has no cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([PaymentEntity, PaymentWebhookEventEntity])],
  providers: [
    { provide: PaymentsConfig, useFactory: () => new PaymentsConfig() },
    { provide: PaymentRepository, useClass: SqlPaymentRepository },
    SandboxPaymentProvider,
    { provide: PaymentProviders, useClass: ConfiguredPaymentProviders },
    { provide: OrderRefunds, useClass: ProviderOrderRefunds },
    { provide: OrderPaymentRecords, useClass: PaymentRecordsForOrders },
  ],
  exports: [OrderRefunds, OrderPaymentRecords, PaymentsConfig, PaymentRepository, PaymentProviders],
})
export class PaymentPortsModule {}

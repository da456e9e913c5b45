import { Injectable } from '@nestjs/common';
import { OrderRefundRequest, OrderRefunds } from '@congocart/ordering';
import { refunded } from '../domain/payment';
import { NoRefundablePaymentError } from '../domain/payments.errors';
import { PaymentProviders } from './payment-provider.port';
import { PaymentRepository } from './payment.repository';

/**
 * Ordering's OrderRefunds port: refunds the order's successful payment through the provider that
 * took it and records the refund, in the caller's transaction (ordering calls this last, after its
 * own writes, so a failure before it moves no money).
 */
@Injectable()
export class ProviderOrderRefunds extends OrderRefunds {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly providers: PaymentProviders,
  ) {
    super();
  }

  async refundOrder(request: OrderRefundRequest): Promise<void> {
    const payment = await this.payments.lockSucceeded(request.orderId);
    if (!payment) throw new NoRefundablePaymentError();
    const provider = this.providers.byName(payment.provider);
    if (!provider) throw new Error(`Payment provider ${payment.provider} is not configured`);
    const { reference } = await provider.refund({
      paymentId: payment.id,
      reference: payment.providerReference ?? payment.id,
      amount: { amount: payment.amount, currency: payment.currency },
    });
    await this.payments.update(refunded(payment, reference, new Date())!);
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OrderSettlement } from '@congocart/ordering';
import { TransactionHost } from '@congocart/shared';
import type { Payment } from '../domain/payment';
import { PaymentDeclinedError, PaymentPendingError } from '../domain/payments.errors';
import { PaymentProviders } from './payment-provider.port';
import { PaymentRepository } from './payment.repository';

export interface PayOrderInput {
  orderId: string;
  customerId: string;
  paymentToken: string;
}

/**
 * Charges the customer's order its own total. The order row stays locked from the decision to
 * charge until the payment and the order's new status are committed together, so retried or
 * concurrent attempts queue up and find the order already paid (409); the partial unique index
 * on payments backs this. A declined charge is recorded (committed) and then answered with 402.
 */
@Injectable()
export class PayOrder {
  constructor(
    private readonly txHost: TransactionHost,
    private readonly settlement: OrderSettlement,
    private readonly payments: PaymentRepository,
    private readonly providers: PaymentProviders,
  ) {}

  async execute(input: PayOrderInput): Promise<Payment> {
    const payment = await this.txHost.withTransaction(() => this.charge(input));
    if (payment.status === 'failed') throw new PaymentDeclinedError(payment.id, payment.failureCode);
    return payment;
  }

  private async charge(input: PayOrderInput): Promise<Payment> {
    const order = await this.settlement.lockForPayment(input.orderId, input.customerId);
    const pending = await this.payments.findPending(order.orderId);
    if (pending) throw new PaymentPendingError(pending.id);

    const provider = this.providers.primary;
    const paymentId = randomUUID();
    const result = await provider.charge({ paymentId, orderId: order.orderId, amount: order.amount, token: input.paymentToken });
    const now = new Date();
    const payment: Payment = {
      id: paymentId,
      orderId: order.orderId,
      customerId: order.customerId,
      provider: provider.name,
      providerReference: result.reference,
      status: result.status,
      amount: order.amount.amount,
      currency: order.amount.currency,
      failureCode: result.status === 'failed' ? result.declineCode : null,
      refundReference: null,
      refundedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.payments.insert(payment);
    if (payment.status === 'succeeded' && !(await this.settlement.markPaid(order.orderId, input.customerId, 'payment succeeded'))) {
      // Cannot happen while we hold the order's lock; refuse rather than keep money for nothing.
      throw new Error(`Order ${order.orderId} could not be marked paid under its lock`);
    }
    return payment;
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { GUEST_ACTOR, OrderSettlement } from '@congocart/ordering';
import { TransactionHost } from '@congocart/shared';
import type { Payment } from '../domain/payment';
import {
  InvalidPaymentTokenError,
  PaymentDeclinedError,
  PaymentPendingError,
  PaymentProviderUnavailableError,
} from '../domain/payments.errors';
import { ProviderUnreachableError, PaymentProviders } from './payment-provider.port';
import { PaymentRepository } from './payment.repository';
import { SettlePayment } from './settle-payment';

export interface PayOrderInput {
  orderId: string;
  /** The paying customer; null for a guest whose order token the caller has verified (keys are then the order's). */
  customerId: string | null;
  paymentToken: string;
  /** The request's Idempotency-Key: stored on the payment, so a retry resumes this payment. */
  idempotencyKey: string;
}

export interface PayOrderResult {
  payment: Payment;
  /** True when an earlier request with this key had already settled the payment: its answer is repeated. */
  replayed: boolean;
}

/**
 * Charges the customer's order its own total, in three steps so that no transaction is open
 * while the provider is called: (1) record the payment `pending` under the order's row lock and
 * commit; (2) call the provider with the payment id as its idempotency key; (3) settle in a
 * short second transaction (SettlePayment). A retry with the same key finds its payment and
 * resumes it (the provider returns the first charge, never a second); an unknown provider answer
 * leaves it pending for a retry or the reconciliation task. A decline is answered with 402.
 */
@Injectable()
export class PayOrder {
  constructor(
    private readonly txHost: TransactionHost,
    private readonly settlement: OrderSettlement,
    private readonly payments: PaymentRepository,
    private readonly providers: PaymentProviders,
    private readonly settle: SettlePayment,
  ) {}

  async execute(input: PayOrderInput): Promise<PayOrderResult> {
    const started = await this.txHost.withTransaction(() => this.record(input));
    const replayed = started.resumed && started.payment.status !== 'pending';
    const payment = started.payment.status === 'pending' ? await this.charge(started.payment, input) : started.payment;
    if (payment.status === 'failed') throw new PaymentDeclinedError(payment.id, payment.failureCode);
    return { payment, replayed };
  }

  private async record(input: PayOrderInput): Promise<{ payment: Payment; resumed: boolean }> {
    const earlier = await this.payments.findByIdempotencyKey(payerOf(input), input.idempotencyKey);
    if (earlier) return { payment: earlier, resumed: true };
    let order: Awaited<ReturnType<OrderSettlement['lockForPayment']>>;
    try {
      order = await this.settlement.lockForPayment(input.orderId, input.customerId);
    } catch (error) {
      // A request with the same key may have paid the order while we waited for its lock: resume that payment.
      const paid = await this.payments.findByIdempotencyKey(payerOf(input), input.idempotencyKey);
      if (paid) return { payment: paid, resumed: true };
      throw error;
    }
    // A concurrent request with the same key may have recorded it while we waited for the lock.
    const raced = await this.payments.findByIdempotencyKey(payerOf(input), input.idempotencyKey);
    if (raced) return { payment: raced, resumed: true };
    const pending = await this.payments.findPending(order.orderId);
    if (pending) throw new PaymentPendingError(pending.id);

    const now = new Date();
    const payment: Payment = {
      id: randomUUID(),
      orderId: order.orderId,
      customerId: input.customerId,
      idempotencyKey: input.idempotencyKey,
      provider: this.providers.primary.name,
      providerReference: null,
      status: 'pending',
      amount: order.amount.amount,
      currency: order.amount.currency,
      failureCode: null,
      refundReference: null,
      refundedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.payments.insert(payment);
    return { payment, resumed: false };
  }

  private async charge(payment: Payment, input: PayOrderInput): Promise<Payment> {
    const provider = this.providers.byName(payment.provider) ?? this.providers.primary;
    try {
      const result = await provider.charge({
        paymentId: payment.id,
        orderId: payment.orderId,
        amount: { amount: payment.amount, currency: payment.currency },
        token: input.paymentToken,
      });
      return await this.settle.apply(payment.id, result, input.customerId ?? GUEST_ACTOR, 'payment succeeded');
    } catch (error) {
      if (error instanceof InvalidPaymentTokenError) {
        // The provider refused before charging: nothing to keep, and the order may be paid another way.
        await this.txHost.withTransaction(() => this.payments.delete(payment.id));
      }
      if (error instanceof ProviderUnreachableError) throw new PaymentProviderUnavailableError(payment.id);
      throw error;
    }
  }
}

function payerOf(input: PayOrderInput): { customerId: string } | { guestOrderId: string } {
  return input.customerId === null ? { guestOrderId: input.orderId } : { customerId: input.customerId };
}

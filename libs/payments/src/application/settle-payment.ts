import { Injectable, Logger } from '@nestjs/common';
import { OrderSettlement } from '@congocart/ordering';
import { TransactionHost } from '@congocart/shared';
import { Payment, refunded, settled } from '../domain/payment';
import { ChargeResult, PaymentProviders } from './payment-provider.port';
import { PaymentRepository } from './payment.repository';

/**
 * Applies a provider's answer to a payment in one short transaction (order lock first, then
 * payment, as every payments path does): a success pays the order, a decline fails the payment.
 * A payment that is no longer pending is left as it is (a webhook, a retry or reconciliation
 * settled it first). A success for an order that closed meanwhile is refunded, after the commit
 * and outside any transaction.
 */
@Injectable()
export class SettlePayment {
  private readonly logger = new Logger(SettlePayment.name);

  constructor(
    private readonly txHost: TransactionHost,
    private readonly settlement: OrderSettlement,
    private readonly payments: PaymentRepository,
    private readonly providers: PaymentProviders,
  ) {}

  async apply(paymentId: string, result: ChargeResult, actor: string, reason: string): Promise<Payment> {
    const { payment, orderClosed } = await this.txHost.withTransaction(async () => {
      const known = (await this.payments.findById(paymentId))!;
      await this.settlement.lockStatus(known.orderId);
      const current = (await this.payments.findById(paymentId, { lock: true }))!;
      if (current.status !== 'pending') return { payment: current, orderClosed: false };
      const now = new Date();
      if (result.status === 'pending') {
        const waiting = { ...current, providerReference: result.reference, updatedAt: now };
        await this.payments.update(waiting);
        return { payment: waiting, orderClosed: false };
      }
      const next = settled(current, result.status, now, result.status === 'failed' ? result.declineCode : null, result.reference)!;
      await this.payments.update(next);
      const paid = next.status === 'succeeded' ? await this.settlement.markPaid(next.orderId, actor, reason) : true;
      return { payment: next, orderClosed: !paid };
    });
    return orderClosed ? this.refundLateSuccess(payment) : payment;
  }

  /** The provider never saw a charge for this payment (the process died before calling it): it failed. */
  async abandon(paymentId: string): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const current = await this.payments.findById(paymentId, { lock: true });
      const failed = current && settled(current, 'failed', new Date(), 'not_charged');
      if (failed) await this.payments.update(failed);
    });
  }

  /** Money taken for an order that was cancelled or expired meanwhile goes back at once. */
  async refundLateSuccess(payment: Payment): Promise<Payment> {
    const provider = this.providers.byName(payment.provider);
    if (!provider) throw new Error(`Payment provider ${payment.provider} is not configured`);
    const { reference } = await provider.refund({
      paymentId: payment.id,
      reference: payment.providerReference ?? payment.id,
      amount: { amount: payment.amount, currency: payment.currency },
    });
    const done = await this.txHost.withTransaction(async () => {
      const current = (await this.payments.findById(payment.id, { lock: true }))!;
      const refund = refunded(current, reference, new Date());
      if (refund) await this.payments.update(refund);
      return refund ?? current;
    });
    this.logger.warn({ paymentId: payment.id, orderId: payment.orderId }, 'Payment succeeded after its order closed: refunded');
    return done;
  }
}

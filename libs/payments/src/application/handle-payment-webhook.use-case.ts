import { Injectable, Logger } from '@nestjs/common';
import { OrderSettlement, SYSTEM_ACTOR } from '@congocart/ordering';
import { NotFoundError, TransactionHost } from '@congocart/shared';
import { Payment, refunded, settled } from '../domain/payment';
import type { WebhookEvent } from '../domain/webhook-event';
import { PaymentProvider, PaymentProviders } from './payment-provider.port';
import { PaymentRepository } from './payment.repository';
import { SettlePayment } from './settle-payment';

export interface PaymentWebhookInput {
  provider: string;
  rawBody: Buffer;
  signature: string | undefined;
}

/**
 * Applies a provider's event to the payment and its order, once per event id, in one transaction.
 * The signature is checked before anything is parsed; a refund it requires is made after the commit. Locks are taken order first, then
 * payment, as the pay and cancel paths do, so these paths cannot deadlock each other.
 */
@Injectable()
export class HandlePaymentWebhook {
  private readonly logger = new Logger(HandlePaymentWebhook.name);

  constructor(
    private readonly txHost: TransactionHost,
    private readonly providers: PaymentProviders,
    private readonly payments: PaymentRepository,
    private readonly settlement: OrderSettlement,
    private readonly settle: SettlePayment,
  ) {}

  async execute(input: PaymentWebhookInput): Promise<void> {
    const provider = this.providers.byName(input.provider);
    if (!provider) throw new NotFoundError('Payment provider');
    const event = provider.verifyWebhook(input.rawBody, input.signature, new Date());
    const lateSuccess = await this.txHost.withTransaction(async () => {
      if (!(await this.payments.recordWebhookEvent(provider.name, event))) return null;
      return this.apply(provider, event);
    });
    // The refund is a provider call: made after the commit, never inside the transaction.
    if (lateSuccess) await this.settle.refundLateSuccess(lateSuccess);
  }

  /** Returns a success whose order had closed meanwhile: it must be refunded. */
  private async apply(provider: PaymentProvider, event: WebhookEvent): Promise<Payment | null> {
    const known = await this.payments.findById(event.data.paymentId);
    if (!known || known.orderId !== event.data.orderId || known.provider !== provider.name) {
      this.logger.warn({ eventId: event.id, paymentId: event.data.paymentId }, 'Webhook event for an unknown payment ignored');
      return null;
    }
    await this.settlement.lockStatus(known.orderId);
    const payment = (await this.payments.findById(known.id, { lock: true }))!;
    const now = new Date();
    if (event.type === 'payment.failed') {
      const failed = settled(payment, 'failed', now, 'provider_failed');
      if (failed) await this.payments.update(failed);
      return null;
    }
    if (event.type === 'payment.succeeded') {
      const success = settled(payment, 'succeeded', now);
      if (!success) return null;
      await this.payments.update(success);
      return (await this.settlement.markPaid(payment.orderId, SYSTEM_ACTOR, 'payment confirmed by the provider')) ? null : success;
    }
    const refund = refunded(payment, null, now);
    if (!refund) return null;
    await this.payments.update(refund);
    await this.settlement.applyProviderRefund(payment.orderId, 'payment refunded by the provider');
    return null;
  }
}

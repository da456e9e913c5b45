import { Injectable, Logger } from '@nestjs/common';
import { OrderSettlement, SYSTEM_ACTOR } from '@congocart/ordering';
import { NotFoundError, TransactionHost } from '@congocart/shared';
import { Payment, refunded, settled } from '../domain/payment';
import type { WebhookEvent } from '../domain/webhook-event';
import { PaymentProvider, PaymentProviders } from './payment-provider.port';
import { PaymentRepository } from './payment.repository';

export interface PaymentWebhookInput {
  provider: string;
  rawBody: Buffer;
  signature: string | undefined;
}

/**
 * Applies a provider's event to the payment and its order, once per event id, in one transaction.
 * The signature is checked before anything is parsed. Locks are taken order first, then
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
  ) {}

  async execute(input: PaymentWebhookInput): Promise<void> {
    const provider = this.providers.byName(input.provider);
    if (!provider) throw new NotFoundError('Payment provider');
    const event = provider.verifyWebhook(input.rawBody, input.signature, new Date());
    await this.txHost.withTransaction(async () => {
      if (!(await this.payments.recordWebhookEvent(provider.name, event))) return;
      await this.apply(provider, event);
    });
  }

  private async apply(provider: PaymentProvider, event: WebhookEvent): Promise<void> {
    const known = await this.payments.findById(event.data.paymentId);
    if (!known || known.orderId !== event.data.orderId || known.provider !== provider.name) {
      this.logger.warn({ eventId: event.id, paymentId: event.data.paymentId }, 'Webhook event for an unknown payment ignored');
      return;
    }
    await this.settlement.lockStatus(known.orderId);
    const payment = (await this.payments.findById(known.id, { lock: true }))!;
    const now = new Date();
    if (event.type === 'payment.failed') {
      const failed = settled(payment, 'failed', now, 'provider_failed');
      if (failed) await this.payments.update(failed);
    } else if (event.type === 'payment.succeeded') {
      await this.succeed(provider, payment, now);
    } else {
      const refund = refunded(payment, null, now);
      if (!refund) return;
      await this.payments.update(refund);
      await this.settlement.applyProviderRefund(payment.orderId, 'payment refunded by the provider');
    }
  }

  /** A late success for an order that was cancelled or expired meanwhile is refunded at once. */
  private async succeed(provider: PaymentProvider, payment: Payment, now: Date): Promise<void> {
    const success = settled(payment, 'succeeded', now);
    if (!success) return;
    await this.payments.update(success);
    if (await this.settlement.markPaid(payment.orderId, SYSTEM_ACTOR, 'payment confirmed by the provider')) return;
    const { reference } = await provider.refund({
      paymentId: payment.id,
      reference: payment.providerReference ?? payment.id,
      amount: { amount: payment.amount, currency: payment.currency },
    });
    await this.payments.update(refunded(success, reference, now)!);
    this.logger.warn({ paymentId: payment.id, orderId: payment.orderId }, 'Payment succeeded after its order closed: refunded');
  }
}

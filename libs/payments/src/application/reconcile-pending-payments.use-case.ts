import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@congocart/ordering';
import { PaymentsConfig } from '../payments.config';
import { PaymentProviders } from './payment-provider.port';
import { PaymentRepository } from './payment.repository';
import { SettlePayment } from './settle-payment';

/**
 * Settles payments left `pending` by a crash or a lost provider answer: asks the provider what
 * it did under the payment's idempotency key and applies that (SettlePayment); a payment the
 * provider never saw has failed. Only payments pending for PAYMENT_RECONCILE_AFTER_SECONDS are
 * looked at, so a charge still in progress is left alone. Safe to run on several instances at
 * once (settling is conditional on the payment still being pending). Returns how many it settled.
 */
@Injectable()
export class ReconcilePendingPayments {
  private readonly logger = new Logger(ReconcilePendingPayments.name);

  constructor(
    private readonly payments: PaymentRepository,
    private readonly providers: PaymentProviders,
    private readonly settle: SettlePayment,
    private readonly config: PaymentsConfig,
  ) {}

  async execute(): Promise<number> {
    const stale = await this.payments.listStalePending(this.config.reconcileAfterSeconds, this.config.reconcileBatchSize);
    let settledCount = 0;
    for (const payment of stale) {
      const provider = this.providers.byName(payment.provider);
      if (!provider) continue;
      try {
        const charge = await provider.findCharge(payment.id);
        if (!charge) await this.settle.abandon(payment.id);
        else await this.settle.apply(payment.id, charge, SYSTEM_ACTOR, 'payment reconciled with the provider');
        if (charge?.status !== 'pending') settledCount += 1;
      } catch (error) {
        this.logger.warn({ err: error, paymentId: payment.id }, 'Reconciling a pending payment failed; next run retries');
      }
    }
    if (settledCount) this.logger.log(`Reconciled ${settledCount} pending payment(s) with the provider`);
    return settledCount;
  }
}

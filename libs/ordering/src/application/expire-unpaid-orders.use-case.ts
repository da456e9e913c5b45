import { Injectable, Logger } from '@nestjs/common';
import { StockReservations } from '@congocart/inventory';
import { PromotionRedemptions } from '@congocart/pricing';
import { TransactionHost } from '@congocart/shared';
import { SYSTEM_ACTOR } from '../domain/order';
import { OrderingConfig } from '../ordering.config';
import { OrderRepository } from './order.repository';

export const PAYMENT_WINDOW_EXPIRED = 'payment window expired';

/**
 * Cancels unpaid orders whose payment window has closed and releases their stock and promotion uses. Each order is
 * claimed with FOR UPDATE SKIP LOCKED in its own short transaction, so several API instances can
 * sweep at once without waiting for or double-cancelling each other, and a payment that holds
 * the order's row lock wins over the sweep.
 */
@Injectable()
export class ExpireUnpaidOrders {
  private readonly logger = new Logger(ExpireUnpaidOrders.name);

  constructor(
    private readonly txHost: TransactionHost,
    private readonly orders: OrderRepository,
    private readonly stock: StockReservations,
    private readonly config: OrderingConfig,
    private readonly promotions: PromotionRedemptions,
  ) {}

  /** Returns how many orders were expired. `asOf` (default now) lets tests look into the future. */
  async execute(input: { asOf?: Date; limit?: number } = {}): Promise<number> {
    const asOf = input.asOf ?? new Date();
    const limit = input.limit ?? this.config.expirySweepBatchSize;
    let expired = 0;
    while (expired < limit) {
      const done = await this.txHost.withTransaction(() => this.expireOne(asOf));
      if (!done) break;
      expired += 1;
    }
    if (expired) this.logger.log(`Expired ${expired} unpaid order(s)`);
    return expired;
  }

  private async expireOne(asOf: Date): Promise<boolean> {
    const orderId = await this.orders.lockNextExpired(asOf);
    if (!orderId) return false;
    const order = await this.orders.findById(orderId);
    if (!order) return false;
    order.cancel(SYSTEM_ACTOR, PAYMENT_WINDOW_EXPIRED);
    await this.orders.save(order);
    await this.promotions.release(order.number);
    await this.stock.release(order.stockLines(), order.number);
    return true;
  }
}

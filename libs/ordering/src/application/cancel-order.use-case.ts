import { Injectable } from '@nestjs/common';
import { StockReservations } from '@congocart/inventory';
import { PromotionRedemptions } from '@congocart/pricing';
import { OrderRefunds } from './order-refunds.port';
import type { OrderDetails } from './get-order.use-case';
import { OrderTransitions } from './order-transitions';

export interface CancelOrderInput {
  orderId: string;
  /** Set when a customer cancels: only their own order can be found. */
  customerId: string | null;
  actor: string;
  reason: string;
}

/**
 * Cancels an order before fulfilment: its promotion uses are given back, its reserved stock is released and, when it was paid, the
 * payment is refunded (the refund is the last step, so a failure before it leaves no money moved).
 */
@Injectable()
export class CancelOrder {
  constructor(
    private readonly transitions: OrderTransitions,
    private readonly stock: StockReservations,
    private readonly refunds: OrderRefunds,
    private readonly promotions: PromotionRedemptions,
  ) {}

  execute(input: CancelOrderInput): Promise<OrderDetails> {
    return this.transitions.run(input.orderId, input.customerId, (order) => {
      const effects = order.cancel(input.actor, input.reason);
      return async () => {
        // Promotion rows before stock rows: the lock order checkout takes them in.
        await this.promotions.release(order.number);
        await this.stock.release(order.stockLines(), order.number);
        if (effects.refundPayment) await this.refunds.refundOrder({ orderId: order.id, actor: input.actor, reason: input.reason });
      };
    });
  }
}

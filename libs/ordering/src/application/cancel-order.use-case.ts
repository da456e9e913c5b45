import { Injectable } from '@nestjs/common';
import { StockReservations } from '@congocart/inventory';
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
 * Cancels an order before fulfilment: its reserved stock is released and, when it was paid, the
 * payment is refunded (the refund is the last step, so a failure before it leaves no money moved).
 */
@Injectable()
export class CancelOrder {
  constructor(
    private readonly transitions: OrderTransitions,
    private readonly stock: StockReservations,
    private readonly refunds: OrderRefunds,
  ) {}

  execute(input: CancelOrderInput): Promise<OrderDetails> {
    return this.transitions.run(input.orderId, input.customerId, (order) => {
      const effects = order.cancel(input.actor, input.reason);
      return async () => {
        await this.stock.release(order.stockLines(), order.number);
        if (effects.refundPayment) await this.refunds.refundOrder({ orderId: order.id, actor: input.actor, reason: input.reason });
      };
    });
  }
}

import { Injectable } from '@nestjs/common';
import { StockReservations } from '@congocart/inventory';
import { OrderRefunds } from './order-refunds.port';
import type { OrderDetails } from './get-order.use-case';
import { OrderTransitions } from './order-transitions';

export interface RefundOrderInput {
  orderId: string;
  actor: string;
  reason: string | null;
  /** Put the returned units back on hand (delivered orders only). */
  restock: boolean;
}

/**
 * Staff refund. A delivered order becomes `refunded` (its units come back on hand only when
 * asked to); a paid order that has not shipped is cancelled with a refund, which releases its
 * reservation (the state machine has no paid → refunded). Anything else → 409.
 */
@Injectable()
export class RefundOrder {
  constructor(
    private readonly transitions: OrderTransitions,
    private readonly stock: StockReservations,
    private readonly refunds: OrderRefunds,
  ) {}

  execute(input: RefundOrderInput): Promise<OrderDetails> {
    return this.transitions.run(input.orderId, null, (order) => {
      const refund = () => this.refunds.refundOrder({ orderId: order.id, actor: input.actor, reason: input.reason });
      if (order.status === 'paid') {
        order.cancel(input.actor, input.reason ?? 'refunded before fulfilment');
        return async () => {
          await this.stock.release(order.stockLines(), order.number);
          await refund();
        };
      }
      order.refund(input.actor, input.reason);
      return async () => {
        if (input.restock) await this.stock.restock(order.stockLines(), order.number, input.actor);
        await refund();
      };
    });
  }
}

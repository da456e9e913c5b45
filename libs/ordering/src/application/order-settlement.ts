import { Injectable } from '@nestjs/common';
import { StockReservations } from '@congocart/inventory';
import { Money, NotFoundError, Transactional } from '@congocart/shared';
import { SYSTEM_ACTOR } from '../domain/order';
import { InvalidOrderTransitionError, OrderStatus } from '../domain/order-status';
import { OrderRepository } from './order.repository';

export interface PayableOrder {
  orderId: string;
  number: string;
  customerId: string | null;
  /** Always the order's own total: a client never sets what is charged. */
  amount: Money;
}

/**
 * Ordering's public API for the payments context. Every method joins the caller's transaction
 * and holds the order's row lock until it ends, so a charge decision and the order's status
 * change commit together and concurrent payers queue behind one another.
 */
@Injectable()
export class OrderSettlement {
  constructor(
    private readonly orders: OrderRepository,
    private readonly stock: StockReservations,
  ) {}

  /**
   * Locks the customer's order for a charge; 404 for someone else's, 409 unless it awaits payment.
   * `customerId` null: a guest's, whose order token the caller has verified.
   */
  @Transactional()
  async lockForPayment(orderId: string, customerId: string | null): Promise<PayableOrder> {
    const order = await this.orders.findById(orderId, { lock: true });
    if (!order || (customerId !== null && order.customerId !== customerId)) throw new NotFoundError('Order');
    if (order.status !== 'pending_payment') throw new InvalidOrderTransitionError(order.status, 'paid');
    return {
      orderId: order.id,
      number: order.number,
      customerId: order.customerId,
      amount: { amount: order.total, currency: order.currency },
    };
  }

  /** The order's status now, under its row lock (null when there is no such order). */
  @Transactional()
  async lockStatus(orderId: string): Promise<OrderStatus | null> {
    const order = await this.orders.findById(orderId, { lock: true });
    return order?.status ?? null;
  }

  /**
   * A successful payment pays the order. Returns false when the order can no longer be paid
   * (cancelled or expired meanwhile): the caller then refunds the money.
   */
  @Transactional()
  async markPaid(orderId: string, actor: string, reason: string): Promise<boolean> {
    const order = await this.orders.findById(orderId, { lock: true });
    if (!order || order.status !== 'pending_payment') return false;
    order.markPaid(actor, reason);
    await this.orders.save(order);
    return true;
  }

  /**
   * The provider refunded the payment on its own (dispute, dashboard): a delivered order becomes
   * refunded; a paid order that has not shipped is cancelled and its stock released. Other states
   * are left as they are.
   */
  @Transactional()
  async applyProviderRefund(orderId: string, reason: string): Promise<void> {
    const order = await this.orders.findById(orderId, { lock: true });
    if (!order) return;
    if (order.status === 'delivered') {
      order.refund(SYSTEM_ACTOR, reason);
      await this.orders.save(order);
    } else if (order.status === 'paid') {
      order.cancel(SYSTEM_ACTOR, reason);
      await this.orders.save(order);
      await this.stock.release(order.stockLines(), order.number);
    }
  }
}

import { Injectable } from '@nestjs/common';
import { NotFoundError, TransactionHost } from '@congocart/shared';
import type { Order } from '../domain/order';
import { OrderChangedConcurrentlyError } from '../domain/ordering.errors';
import type { OrderDetails } from './get-order.use-case';
import { OrderPaymentRecords } from './order-payment-records.port';
import { OrderRepository, StaleOrderVersion } from './order.repository';

const MAX_ATTEMPTS = 3;

/** What a transition still has to do once the new status is safely stored (stock, refunds). */
export type AfterSave = () => Promise<void>;

/**
 * Runs one order status change with optimistic locking: load the order, let `change` apply the
 * transition (the domain refuses forbidden ones), store it with a version check, then run its
 * side effects, all in one transaction. When someone else changed the order in between, the
 * whole attempt is rolled back and made again on fresh state; after three losses → 409.
 * Answers with the order as stored and its payments, read in the same transaction.
 */
@Injectable()
export class OrderTransitions {
  constructor(
    private readonly txHost: TransactionHost,
    private readonly orders: OrderRepository,
    private readonly payments: OrderPaymentRecords,
  ) {}

  /** `ownerId` restricts the order to one customer (someone else's order is "not found"). */
  async run(orderId: string, ownerId: string | null, change: (order: Order) => AfterSave | void): Promise<OrderDetails> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.txHost.withTransaction(async () => {
          const order = await this.orders.findById(orderId);
          if (!order || (ownerId !== null && order.customerId !== ownerId)) throw new NotFoundError('Order');
          const afterSave = change(order);
          await this.orders.save(order);
          if (afterSave) await afterSave();
          return { order: order.snapshot(), payments: await this.payments.listForOrder(order.id) };
        });
      } catch (error) {
        if (!(error instanceof StaleOrderVersion)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw new OrderChangedConcurrentlyError();
      }
    }
  }
}

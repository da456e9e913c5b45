import type { Money } from '@congocart/shared';
import type { OrderStatus } from '../domain/order-status';

export interface OrderListFilter {
  customerId?: string;
  status?: OrderStatus;
  /** Inclusive lower bound on createdAt. */
  from?: Date;
  /** Exclusive upper bound on createdAt. */
  to?: Date;
}

export interface OrderSummary {
  id: string;
  number: string;
  status: OrderStatus;
  customerId: string | null;
  total: Money;
  createdAt: Date;
  /** createdAt in microseconds since the epoch (full database precision), for keyset cursors. */
  sortKey: string;
}

/** Read side of the order lists: newest first, keyset paging on (createdAt, id). */
export abstract class OrderQueries {
  abstract list(filter: OrderListFilter, after: { sortKey: string; id: string } | null, limit: number): Promise<OrderSummary[]>;
}

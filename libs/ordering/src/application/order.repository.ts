import type { Order } from '../domain/order';

/** Thrown by `save` when the stored version is no longer the one the order was read at. */
export class StaleOrderVersion extends Error {
  constructor(readonly orderId: string) {
    super(`Order ${orderId} was changed concurrently`);
  }
}

/** Storage of the order aggregate; every method joins the ambient transaction. */
export abstract class OrderRepository {
  /** The next human order number (`CC-10042`). */
  abstract nextNumber(): Promise<string>;
  /**
   * Stores a newly placed order with its lines and first history entry. A guest order's token is
   * stored as its hash; its `order.placed` event carries it sealed, for the confirmation e-mail.
   */
  abstract insert(order: Order, guest?: { orderToken: string }): Promise<void>;
  /** `lock` takes the row lock (SELECT … FOR UPDATE) for the rest of the transaction. */
  abstract findById(orderId: string, options?: { lock?: boolean }): Promise<Order | null>;
  /**
   * Stores the order's new status (and shipment) with `UPDATE … WHERE version = $read` and appends
   * its new history; throws StaleOrderVersion when someone else saved first.
   */
  abstract save(order: Order): Promise<void>;
  /**
   * How many orders of the customer (or of guests with this e-mail) wait for payment, and when the
   * first of them expires. For a guest e-mail it first takes a transaction-long lock on that
   * address, so parallel guest checkouts with one address count one after another.
   */
  abstract unpaidOf(owner: { customerId: string } | { guestEmail: string }): Promise<{ count: number; firstDueAt: Date | null }>;
  /** The SHA-256 of a guest order's token; null when the order is unknown or was placed by a customer. */
  abstract orderTokenHashOf(orderId: string): Promise<Buffer | null>;
  /** Gives the guest orders placed with `email` to the user; returns how many. */
  abstract attachGuestOrders(userId: string, email: string): Promise<number>;
  /** Locks one unpaid order whose payment window closed at `asOf`, skipping rows others hold. */
  abstract lockNextExpired(asOf: Date): Promise<string | null>;
}

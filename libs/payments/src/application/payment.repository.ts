import type { Payment } from '../domain/payment';
import type { WebhookEvent } from '../domain/webhook-event';

/** Payment records; every method joins the ambient transaction. */
export abstract class PaymentRepository {
  abstract insert(payment: Payment): Promise<void>;
  /** Stores status, provider reference, failure and refund fields. */
  abstract update(payment: Payment): Promise<void>;
  /** Removes a payment the provider refused outright (unknown token: nothing was charged). */
  abstract delete(paymentId: string): Promise<void>;
  /** The customer's (or, for a guest, the order's guest) payment created under this Idempotency-Key, if any. */
  abstract findByIdempotencyKey(payer: { customerId: string } | { guestOrderId: string }, idempotencyKey: string): Promise<Payment | null>;
  /** Payments still pending after `olderThanSeconds` (left by a crash or a lost provider answer), oldest first. */
  abstract listStalePending(olderThanSeconds: number, limit: number): Promise<Payment[]>;
  abstract findById(paymentId: string, options?: { lock?: boolean }): Promise<Payment | null>;
  /** The order's pending payment, if any. */
  abstract findPending(orderId: string): Promise<Payment | null>;
  /** The order's successful payment, locked for the rest of the transaction. */
  abstract lockSucceeded(orderId: string): Promise<Payment | null>;
  abstract listForOrder(orderId: string): Promise<Payment[]>;
  /** Records a provider event once; false when this event id was already recorded. */
  abstract recordWebhookEvent(provider: string, event: WebhookEvent): Promise<boolean>;
}

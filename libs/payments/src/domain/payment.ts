export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** One charge attempt. Failed attempts are kept; at most one per order is pending or succeeded. */
export interface Payment {
  id: string;
  orderId: string;
  /** The paying customer; null when a guest paid through the order's token. */
  customerId: string | null;
  provider: string;
  /** The Idempotency-Key of the request that created it (unique per customer, or per order for a guest), if any. */
  idempotencyKey: string | null;
  /** The provider's id of the charge. */
  providerReference: string | null;
  status: PaymentStatus;
  /** Minor units; always the order's total. */
  amount: number;
  currency: string;
  failureCode: string | null;
  refundReference: string | null;
  refundedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Payment states move forward only: pending settles as succeeded or failed, a success may be
 * refunded. Anything else (a late or repeated provider event) changes nothing.
 */
const NEXT: Record<PaymentStatus, readonly PaymentStatus[]> = {
  pending: ['succeeded', 'failed'],
  succeeded: ['refunded'],
  failed: [],
  refunded: [],
};

export function canMovePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return NEXT[from].includes(to);
}

/** The payment in its new state, or null when the move is not one a payment makes. */
export function settled(
  payment: Payment,
  outcome: 'succeeded' | 'failed',
  at: Date,
  failureCode: string | null = null,
  providerReference: string | null = payment.providerReference,
): Payment | null {
  if (!canMovePayment(payment.status, outcome)) return null;
  return {
    ...payment,
    status: outcome,
    providerReference,
    failureCode: outcome === 'failed' ? (failureCode ?? payment.failureCode) : null,
    updatedAt: at,
  };
}

export function refunded(payment: Payment, refundReference: string | null, at: Date): Payment | null {
  if (!canMovePayment(payment.status, 'refunded')) return null;
  return { ...payment, status: 'refunded', refundReference, refundedAt: at, updatedAt: at };
}

import { ConflictError } from '@congocart/shared/kernel';

export const ORDER_STATUSES = ['pending_payment', 'paid', 'fulfilled', 'delivered', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * The order state machine. A paid order may still be cancelled (its payment is then refunded);
 * once it has left the building it can only be delivered and, after that, refunded.
 */
const ALLOWED: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ['paid', 'cancelled'],
  paid: ['fulfilled', 'cancelled'],
  fulfilled: ['delivered'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

export class InvalidOrderTransitionError extends ConflictError {
  constructor(from: OrderStatus, to: OrderStatus) {
    super('INVALID_ORDER_TRANSITION', `An order that is ${from.replace('_', ' ')} cannot become ${to.replace('_', ' ')}.`, {
      currentStatus: from,
      requestedStatus: to,
    });
  }
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new InvalidOrderTransitionError(from, to);
}

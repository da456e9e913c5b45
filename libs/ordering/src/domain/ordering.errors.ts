import { ConflictError, DomainError, Money } from '@congocart/shared/kernel';

/** Stock hoarding: a customer may hold only so many orders awaiting payment. */
export class TooManyUnpaidOrdersError extends DomainError {
  readonly code = 'TOO_MANY_UNPAID_ORDERS';
  readonly status = 429;
  constructor(
    limit: number,
    override readonly retryAfterSeconds: number,
  ) {
    super(`You already have ${limit} orders awaiting payment: pay or cancel one first.`, { limit });
  }
}

export class CartEmptyError extends DomainError {
  readonly code = 'CART_EMPTY';
  readonly status = 422;
  constructor() {
    super('Your cart is empty: add something before checking out.');
  }
}

export class VariantUnavailableError extends ConflictError {
  constructor(variantIds: string[]) {
    super('VARIANT_UNAVAILABLE', 'Some items in your cart can no longer be bought: remove them and try again.', { variantIds });
  }
}

export interface ShortOrderLine {
  variantId: string;
  sku: string;
  requested: number;
  available: number;
}

export class OrderOutOfStockError extends ConflictError {
  constructor(lines: ShortOrderLine[]) {
    super('INSUFFICIENT_STOCK', 'Not enough stock is available for some items; nothing was reserved.', { lines });
  }
}

/** Someone else changed the order between our read and our write, more often than we retry. */
export class OrderChangedConcurrentlyError extends ConflictError {
  constructor() {
    super('ORDER_CHANGED_CONCURRENTLY', 'The order was changed by someone else at the same time: read it again and retry.');
  }
}

export class OrderTotalTooLargeError extends DomainError {
  readonly code = 'ORDER_TOO_LARGE';
  readonly status = 422;
  constructor() {
    super('The order total exceeds what a single order may hold.');
  }
}

export interface OrderTotalsView {
  subtotal: Money;
  discountTotal: Money;
  shippingFee: Money;
  taxTotal: Money;
  total: Money;
}

/** The client's expectedTotal is not what checkout computed now (a price, rate or method changed). */
export class PriceChangedError extends ConflictError {
  constructor(totals: OrderTotalsView) {
    super('PRICE_CHANGED', 'The total has changed since you saw it; nothing was reserved. Review the new totals and check out again.', {
      totals,
    });
  }
}

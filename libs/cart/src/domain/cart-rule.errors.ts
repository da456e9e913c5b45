import { ConflictError, DomainError, ValidationFailedError } from '@congocart/shared/kernel';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from './cart-limits';

export class VariantNotFoundError extends DomainError {
  readonly code = 'VARIANT_NOT_FOUND';
  readonly status = 404;
  constructor(variantId: string) {
    super('The variant was not found.', { variantId });
  }
}

export class VariantUnavailableError extends ConflictError {
  constructor(variantId: string) {
    super('VARIANT_UNAVAILABLE', 'This variant is not for sale.', { variantId });
  }
}

/** The line would hold more units than are available now (a cart reserves nothing). */
export class LineExceedsStockError extends ConflictError {
  constructor(variantId: string, requested: number, available: number) {
    super('INSUFFICIENT_STOCK', `Only ${available} of this variant can be bought now.`, { variantId, requested, available });
  }
}

export class CartFullError extends ConflictError {
  constructor() {
    super('CART_FULL', `A cart holds at most ${MAX_CART_LINES} lines.`, { maxLines: MAX_CART_LINES });
  }
}

/** A line may hold at most 99 units, whether the request sets the quantity or adds to it. */
export class LineQuantityLimitError extends ValidationFailedError {
  constructor(current: number) {
    super([{ field: 'quantity', message: `A line holds at most ${MAX_LINE_QUANTITY} units; this one already holds ${current}.` }]);
  }
}

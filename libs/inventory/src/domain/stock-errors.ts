import { ConflictError } from '@congocart/shared/kernel';
import type { StockLevel } from './stock-level';

/** An adjustment would leave fewer units on hand than are reserved (or fewer than none). */
export class StockBelowReservedError extends ConflictError {
  constructor(level: StockLevel, delta: number) {
    super('STOCK_BELOW_RESERVED', `On-hand stock cannot drop below the ${level.reserved} reserved units.`, {
      onHand: level.onHand,
      reserved: level.reserved,
      delta,
    });
  }
}

/** An adjustment would take on-hand stock beyond what the store can count. */
export class StockLimitExceededError extends ConflictError {
  constructor(level: StockLevel, delta: number, max: number) {
    super('STOCK_LIMIT_EXCEEDED', `On-hand stock cannot exceed ${max} units.`, { onHand: level.onHand, delta });
  }
}

/**
 * A programming error of a caller of the reservation API (a malformed line). Not a DomainError:
 * clients get a plain 500, and the message stays in the logs.
 */
export class InvalidStockLineError extends Error {
  constructor(detail: string) {
    super(`Invalid stock line: ${detail}`);
    this.name = 'InvalidStockLineError';
  }
}

/**
 * Releasing, committing or restocking did not match the stock row (no level for the variant, fewer
 * units reserved than released, or on-hand overflow): the caller's books disagree with inventory's.
 * Thrown rather than skipped so the caller's transaction rolls back; a 500 if it reaches HTTP.
 */
export class StockLedgerMismatchError extends Error {
  constructor(operation: string, variantId: string, quantity: number, reference: string) {
    super(`Cannot ${operation} ${quantity} unit(s) of variant ${variantId} for ${reference}: the stock level does not allow it`);
    this.name = 'StockLedgerMismatchError';
  }
}

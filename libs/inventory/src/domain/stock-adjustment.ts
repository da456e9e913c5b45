import type { ConflictError } from '@congocart/shared/kernel';
import { StockBelowReservedError, StockLimitExceededError } from './stock-errors';
import { MAX_ON_HAND, StockLevel } from './stock-level';

/**
 * The rule of a manual adjustment: on hand stays within [reserved, MAX_ON_HAND] (reserved ≥ 0, so
 * never below zero). The database applies it in the conditional UPDATE; this names the refusal.
 */
export function canAdjust(level: StockLevel, delta: number): boolean {
  const next = level.onHand + delta;
  return delta !== 0 && next >= level.reserved && next <= MAX_ON_HAND;
}

/** Why an adjustment the database refused was refused, judged on the level as it now stands. */
export function adjustmentRefusal(level: StockLevel, delta: number): ConflictError {
  if (level.onHand + delta > MAX_ON_HAND) return new StockLimitExceededError(level, delta, MAX_ON_HAND);
  return new StockBelowReservedError(level, delta);
}

import type { StockLine } from './stock-line';
import { InvalidStockLineError } from './stock-errors';
import { isUuid } from '@congocart/shared/kernel';

/** A merged line may ask for at most this many units (far above any cart, well inside `integer`). */
export const MAX_LINE_QUANTITY = 1_000_000;

/**
 * Normalises the lines of one reservation call: one line per variant (duplicates add up) in
 * ascending variantId order, the single lock order every caller follows so that concurrent
 * transactions cannot deadlock on stock rows.
 */
export function normaliseStockLines(lines: readonly StockLine[]): StockLine[] {
  const merged = new Map<string, number>();
  for (const line of lines) {
    const variantId = typeof line.variantId === 'string' ? line.variantId.toLowerCase() : '';
    if (!isUuid(variantId)) throw new InvalidStockLineError(`variantId ${String(line.variantId)} is not a UUID`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new InvalidStockLineError(`quantity ${String(line.quantity)} of ${variantId} is not a positive integer`);
    }
    merged.set(variantId, (merged.get(variantId) ?? 0) + line.quantity);
  }
  for (const [variantId, quantity] of merged) {
    if (quantity > MAX_LINE_QUANTITY) throw new InvalidStockLineError(`quantity ${quantity} of ${variantId} exceeds ${MAX_LINE_QUANTITY}`);
  }
  return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([variantId, quantity]) => ({ variantId, quantity }));
}

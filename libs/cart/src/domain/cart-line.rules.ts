import { MAX_CART_LINES, MAX_LINE_QUANTITY } from './cart-limits';
import type { CartLine, VariantFacts } from './cart-line';
import {
  CartFullError,
  LineExceedsStockError,
  LineQuantityLimitError,
  VariantNotFoundError,
  VariantUnavailableError,
} from './cart-rule.errors';

/**
 * Checks adding `requested` units of a variant to a cart holding `lines` and returns the
 * line's resulting quantity. Order of the checks: the variant exists, is for sale, fits in the
 * cart, stays within 99 units, and is available.
 */
export function checkAddition(lines: CartLine[], variantId: string, requested: number, facts: VariantFacts): number {
  const quote = facts.quotes.get(variantId);
  if (!quote) throw new VariantNotFoundError(variantId);
  if (!quote.purchasable) throw new VariantUnavailableError(variantId);
  const existing = lines.find((line) => line.variantId === variantId);
  if (!existing && lines.length >= MAX_CART_LINES) throw new CartFullError();
  const current = existing?.quantity ?? 0;
  const resulting = current + requested;
  if (resulting > MAX_LINE_QUANTITY) throw new LineQuantityLimitError(current);
  const available = facts.available.get(variantId) ?? 0;
  if (resulting > available) throw new LineExceedsStockError(variantId, resulting, available);
  return resulting;
}

/** Checks setting an existing line to `quantity` units (1–99 is validated at the edge). */
export function checkQuantityChange(line: CartLine, quantity: number, facts: VariantFacts): void {
  const quote = facts.quotes.get(line.variantId);
  if (!quote?.purchasable) throw new VariantUnavailableError(line.variantId);
  const available = facts.available.get(line.variantId) ?? 0;
  if (quantity > available) throw new LineExceedsStockError(line.variantId, quantity, available);
}

export interface MergeAddition {
  variantId: string;
  quantity: number;
  unitPrice: number;
}

/** A guest line that could not be moved in full. */
export interface CappedLine {
  variantId: string;
  requested: number;
  added: number;
}

/**
 * Plans moving a guest cart's lines into a customer's cart: quantities add, each line capped at
 * what is available and at 99 units, new lines only while the cart has room; variants no
 * longer for sale are dropped. Every line not moved in full is reported as capped.
 */
export function planMerge(
  target: CartLine[],
  guest: CartLine[],
  facts: VariantFacts,
): { additions: MergeAddition[]; capped: CappedLine[] } {
  const additions: MergeAddition[] = [];
  const capped: CappedLine[] = [];
  let lineCount = target.length;
  for (const line of guest) {
    const quote = facts.quotes.get(line.variantId);
    const existing = target.find((candidate) => candidate.variantId === line.variantId);
    let added = 0;
    if (quote?.purchasable && (existing || lineCount < MAX_CART_LINES)) {
      const current = existing?.quantity ?? 0;
      const ceiling = Math.min(MAX_LINE_QUANTITY, facts.available.get(line.variantId) ?? 0);
      added = Math.max(0, Math.min(line.quantity, ceiling - current));
    }
    if (added > 0) {
      additions.push({ variantId: line.variantId, quantity: added, unitPrice: quote!.unitPrice.amount });
      if (!existing) lineCount += 1;
    }
    if (added < line.quantity) capped.push({ variantId: line.variantId, requested: line.quantity, added });
  }
  return { additions, capped };
}

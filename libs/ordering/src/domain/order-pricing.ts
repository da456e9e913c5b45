import type { LineToPrice, PriceBreakdown, VariantQuote } from '@congocart/pricing/pure';
import { MAX_MONEY_AMOUNT } from '@congocart/shared/kernel';
import { OrderTotalTooLargeError, VariantUnavailableError } from './ordering.errors';

/** A line as the order keeps it: a snapshot that later catalog changes do not touch. */
export interface OrderLine {
  variantId: string;
  productId: string;
  sku: string;
  productName: string;
  variantName: string;
  options: Record<string, string>;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
}

export interface OrderTotals {
  subtotal: number;
  shippingFee: number;
  total: number;
}

/**
 * The lines checkout may price: repeated variants merged, and every variant known, for sale and
 * priced in the store's currency. All variants that are not are named at once.
 */
export function purchasableLines(
  cartLines: { variantId: string; quantity: number }[],
  quotes: ReadonlyMap<string, VariantQuote>,
  currency: string,
): LineToPrice[] {
  const quantities = new Map<string, number>();
  for (const line of cartLines) quantities.set(line.variantId, (quantities.get(line.variantId) ?? 0) + line.quantity);

  const unavailable = [...quantities.keys()].filter((variantId) => {
    const quote = quotes.get(variantId);
    return !quote || !quote.purchasable || quote.unitPrice.currency !== currency;
  });
  if (unavailable.length) throw new VariantUnavailableError(unavailable);
  return [...quantities].map(([variantId, quantity]) => ({ variantId, quantity }));
}

/** The order's snapshot of a price breakdown; no line nor total may exceed what Money allows. */
export function orderPricingOf(breakdown: PriceBreakdown): { lines: OrderLine[]; totals: OrderTotals } {
  const amounts = [...breakdown.lines.map((line) => line.lineTotal), breakdown.total];
  if (amounts.some((amount) => amount > MAX_MONEY_AMOUNT)) throw new OrderTotalTooLargeError();
  const lines = breakdown.lines.map(({ variantId, quote, unitPrice, quantity, lineTotal }) => ({
    variantId,
    productId: quote.productId,
    sku: quote.sku,
    productName: quote.productName,
    variantName: quote.name,
    options: { ...quote.options },
    unitPrice,
    quantity,
    lineTotal,
  }));
  return { lines, totals: { subtotal: breakdown.subtotal, shippingFee: breakdown.shippingFee, total: breakdown.total } };
}

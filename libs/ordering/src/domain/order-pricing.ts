import type { AppliedDiscount, LineToPrice, PriceBreakdown, TaxLine, VariantQuote } from '@congocart/pricing/pure';
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
  /** This line's share of the discounts. */
  discountAmount: number;
  taxAmount: number;
  /** Basis points; 0 when no rate applied. */
  taxRate: number;
}

/** The shipping method as the order names it, whatever later happens to the method. */
export interface OrderShippingMethod {
  id: string;
  code: string;
  name: string;
}

/** Everything the order was charged, as priced at checkout (orders from before shipping and tax: zero tax, no method). */
export interface OrderTotals {
  subtotal: number;
  discountTotal: number;
  shippingFee: number;
  taxTotal: number;
  total: number;
  /** Whether taxTotal is included in the prices (true) or was added on top (false). */
  pricesIncludeTax: boolean;
  shippingMethod: OrderShippingMethod | null;
  taxLines: TaxLine[];
  discounts: AppliedDiscount[];
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
export function orderPricingOf(
  breakdown: PriceBreakdown,
  shipping: { method: OrderShippingMethod | null; pricesIncludeTax: boolean } = { method: null, pricesIncludeTax: false },
): { lines: OrderLine[]; totals: OrderTotals } {
  const amounts = [...breakdown.lines.map((line) => line.lineTotal), breakdown.total];
  if (amounts.some((amount) => amount > MAX_MONEY_AMOUNT)) throw new OrderTotalTooLargeError();
  const lines = breakdown.lines.map(({ variantId, quote, unitPrice, quantity, lineTotal, discountAmount, taxAmount, taxRate }) => ({
    variantId,
    productId: quote.productId,
    sku: quote.sku,
    productName: quote.productName,
    variantName: quote.name,
    options: { ...quote.options },
    unitPrice,
    quantity,
    lineTotal,
    discountAmount,
    taxAmount,
    taxRate,
  }));
  const method = shipping.method;
  const totals: OrderTotals = {
    subtotal: breakdown.subtotal,
    discountTotal: breakdown.discountTotal,
    shippingFee: breakdown.shippingFee,
    taxTotal: breakdown.taxTotal,
    total: breakdown.total,
    pricesIncludeTax: shipping.pricesIncludeTax,
    shippingMethod: method ? { id: method.id, code: method.code, name: method.name } : null,
    taxLines: breakdown.taxLines.map((line) => ({ ...line })),
    discounts: breakdown.discounts.map((discount) => ({ ...discount })),
  };
  return { lines, totals };
}

import { MAX_MONEY_AMOUNT, Money } from '@congocart/shared';
import { OrderTotalTooLargeError, VariantUnavailableError } from './ordering.errors';

/** What checkout needs to know about a variant right now (the catalog's answer). */
export interface VariantQuote {
  variantId: string;
  productId: string;
  productName: string;
  sku: string;
  name: string;
  options: Record<string, string>;
  price: Money;
  sellable: boolean;
}

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
 * Prices cart lines at the catalog's current prices. A variant that is gone, not sellable or
 * priced in another currency cannot be bought; all such variants are named at once.
 */
export function priceLines(
  cartLines: { variantId: string; quantity: number }[],
  quotes: Map<string, VariantQuote>,
  currency: string,
): OrderLine[] {
  const quantities = new Map<string, number>();
  for (const line of cartLines) quantities.set(line.variantId, (quantities.get(line.variantId) ?? 0) + line.quantity);

  const unavailable = [...quantities.keys()].filter((variantId) => {
    const quote = quotes.get(variantId);
    return !quote || !quote.sellable || quote.price.currency !== currency;
  });
  if (unavailable.length) throw new VariantUnavailableError(unavailable);

  return [...quantities].map(([variantId, quantity]) => {
    const quote = quotes.get(variantId)!;
    const lineTotal = quote.price.amount * quantity;
    if (!Number.isSafeInteger(lineTotal) || lineTotal > MAX_MONEY_AMOUNT) throw new OrderTotalTooLargeError();
    return {
      variantId,
      productId: quote.productId,
      sku: quote.sku,
      productName: quote.productName,
      variantName: quote.name,
      options: { ...quote.options },
      unitPrice: quote.price.amount,
      quantity,
      lineTotal,
    };
  });
}

export function totalsOf(lines: OrderLine[], shippingFee: number): OrderTotals {
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotal, 0);
  const total = subtotal + shippingFee;
  if (!Number.isSafeInteger(total) || total > MAX_MONEY_AMOUNT) throw new OrderTotalTooLargeError();
  return { subtotal, shippingFee, total };
}

import { plainPricing, priceOrder, PricedLine, STANDARD_TAX_CATEGORY, VariantQuote } from '@congocart/pricing/pure';
import type { Money } from '@congocart/shared/kernel';
import type { CartLine, VariantFacts } from './cart-line';

export interface CartItemView {
  id: string;
  variantId: string;
  productId: string | null;
  productName: string;
  sku: string;
  name: string;
  options: Record<string, string>;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  available: number;
  priceChanged: boolean;
  purchasable: boolean;
}

export interface CartView {
  id: string;
  items: CartItemView[];
  itemCount: number;
  subtotal: Money;
  currency: string;
  updatedAt: Date;
}

/**
 * Prices a cart with the catalog's current prices through the one pricing function (the one
 * checkout uses): the client never sets a price. A line whose price differs from the one the
 * shopper last saw is flagged `priceChanged`.
 */
export function priceCart(cart: { id: string; updatedAt: Date }, lines: CartLine[], facts: VariantFacts, currency: string): CartView {
  const quotes = new Map(lines.map((line) => [line.variantId, facts.quotes.get(line.variantId) ?? lastSeenQuote(line, currency)]));
  const breakdown = priceOrder({ lines, quotes, context: plainPricing(currency) });
  const items = breakdown.lines.map((priced, index) => itemView(lines[index], priced, facts, currency));
  return {
    id: cart.id,
    items,
    itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
    subtotal: { amount: breakdown.subtotal, currency },
    currency,
    updatedAt: cart.updatedAt,
  };
}

/** A variant the catalog no longer knows keeps its last seen price and cannot be bought. */
function lastSeenQuote(line: CartLine, currency: string): VariantQuote {
  return {
    variantId: line.variantId,
    productId: '',
    productName: '',
    sku: '',
    name: '',
    options: {},
    unitPrice: { amount: line.seenUnitPrice, currency },
    purchasable: false,
    taxCategory: STANDARD_TAX_CATEGORY,
  };
}

function itemView(line: CartLine, priced: PricedLine, facts: VariantFacts, currency: string): CartItemView {
  const { quote } = priced;
  return {
    id: line.id,
    variantId: line.variantId,
    productId: facts.quotes.has(line.variantId) ? quote.productId : null,
    productName: quote.productName,
    sku: quote.sku,
    name: quote.name,
    options: quote.options,
    quantity: priced.quantity,
    unitPrice: { amount: priced.unitPrice, currency },
    lineTotal: { amount: priced.lineTotal, currency },
    available: facts.available.get(line.variantId) ?? 0,
    priceChanged: priced.unitPrice !== line.seenUnitPrice,
    purchasable: quote.purchasable,
  };
}

import type { Money } from '@congocart/shared';
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
 * Prices a cart with the catalog's current prices: the client never sets a price. A line whose
 * price differs from the one the shopper last saw is flagged `priceChanged`.
 */
export function priceCart(cart: { id: string; updatedAt: Date }, lines: CartLine[], facts: VariantFacts, currency: string): CartView {
  const items = lines.map((line) => priceLine(line, facts, currency));
  return {
    id: cart.id,
    items,
    itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
    subtotal: { amount: items.reduce((sum, item) => sum + item.lineTotal.amount, 0), currency },
    currency,
    updatedAt: cart.updatedAt,
  };
}

function priceLine(line: CartLine, facts: VariantFacts, currency: string): CartItemView {
  const offer = facts.offers.get(line.variantId);
  // A variant the catalog no longer knows keeps its last seen price and cannot be bought.
  const unitAmount = offer ? offer.price.amount : line.seenUnitPrice;
  return {
    id: line.id,
    variantId: line.variantId,
    productId: offer?.productId ?? null,
    productName: offer?.productName ?? '',
    sku: offer?.sku ?? '',
    name: offer?.name ?? '',
    options: offer?.options ?? {},
    quantity: line.quantity,
    unitPrice: { amount: unitAmount, currency },
    lineTotal: { amount: unitAmount * line.quantity, currency },
    available: facts.available.get(line.variantId) ?? 0,
    priceChanged: unitAmount !== line.seenUnitPrice,
    purchasable: offer?.sellable ?? false,
  };
}

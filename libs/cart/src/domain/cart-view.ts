import { PriceBreakdown, PricedLine, STANDARD_TAX_CATEGORY, VariantQuote } from '@congocart/pricing/pure';
import type { AppliedDiscount, PromotionInvalidReason } from '@congocart/pricing/pure';
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
  /** This line's share of the line discounts (what checkout would snapshot as the order line's discountAmount). */
  discountAmount: Money;
  available: number;
  priceChanged: boolean;
  purchasable: boolean;
}

/** What checkout would charge for the cheapest shipping option to the cart's destination. */
export interface CartEstimate {
  shippingFee: Money;
  taxTotal: Money;
  total: Money;
}

export interface CartView {
  id: string;
  items: CartItemView[];
  itemCount: number;
  subtotal: Money;
  /** The code the shopper applied, as the promotion spells it. */
  promotionCode: string | null;
  /** Why the applied code gives no discount now (it stays on the cart until removed or replaced); null: it applies. */
  promotionCodeInvalid: PromotionInvalidReason | null;
  discounts: (Omit<AppliedDiscount, 'amount'> & { amount: Money })[];
  discountTotal: Money;
  currency: string;
  shippingCountry: string | null;
  shippingRegion: string | null;
  /** null until the cart knows a destination, or while nothing ships there. */
  estimate: CartEstimate | null;
  updatedAt: Date;
}

export interface CartDestination {
  shippingCountry: string | null;
  shippingRegion: string | null;
  promotionCode?: string | null;
}

/** The quotes to price a cart with: the catalog's current ones, or the last seen price of a variant it no longer knows. */
export function cartQuotes(lines: CartLine[], facts: VariantFacts, currency: string): Map<string, VariantQuote> {
  return new Map(lines.map((line) => [line.variantId, facts.quotes.get(line.variantId) ?? lastSeenQuote(line, currency)]));
}

/**
 * The cart as the shopper sees it, from the breakdown of the one pricing function (the one
 * checkout uses): the client never sets a price. A line whose price differs from the one the
 * shopper last saw is flagged `priceChanged`. `estimated` says whether the breakdown includes
 * shipping and tax for the cart's destination.
 */
export function cartView(
  cart: { id: string; updatedAt: Date } & CartDestination,
  lines: CartLine[],
  facts: VariantFacts,
  breakdown: PriceBreakdown,
  estimated: boolean,
  promotionCodeInvalid: PromotionInvalidReason | null = null,
): CartView {
  const currency = breakdown.currency;
  const money = (amount: number): Money => ({ amount, currency });
  const items = breakdown.lines.map((priced, index) => itemView(lines[index], priced, facts, currency));
  return {
    id: cart.id,
    items,
    itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
    subtotal: money(breakdown.subtotal),
    promotionCode: cart.promotionCode ?? null,
    promotionCodeInvalid: cart.promotionCode ? promotionCodeInvalid : null,
    discounts: breakdown.discounts.map((discount) => ({ ...discount, amount: money(discount.amount) })),
    discountTotal: money(breakdown.discountTotal),
    currency,
    shippingCountry: cart.shippingCountry,
    shippingRegion: cart.shippingRegion,
    estimate: estimated
      ? { shippingFee: money(breakdown.shippingFee), taxTotal: money(breakdown.taxTotal), total: money(breakdown.total) }
      : null,
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
    categoryIds: [],
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
    discountAmount: { amount: priced.discountAmount, currency },
    available: facts.available.get(line.variantId) ?? 0,
    priceChanged: priced.unitPrice !== line.seenUnitPrice,
    purchasable: quote.purchasable,
  };
}

/**
 * Everything besides the lines that decides what an order costs. The caller resolves it (which
 * shipping method, which tax rates for the destination, which promotions hold); pricing only
 * computes. All amounts are integer minor units of `currency`.
 */
export interface PricingContext {
  currency: string;
  /** The chosen shipping method's charge; null: nothing to ship to yet (a cart without destination). */
  shipping: ShippingCharge | null;
  tax: TaxPolicy;
  /** Promotions that hold for this order, in any order: pricing applies them in the fixed order. */
  promotions: PromotionToApply[];
}

export interface ShippingCharge {
  price: number;
  /** Free when the subtotal after discounts is at least this. */
  freeOver: number | null;
}

/** A tax rate in basis points (1600 = 16 %) and the name it is shown under. */
export interface TaxRate {
  rate: number;
  name: string;
}

export interface TaxPolicy {
  /** true: prices include tax (tax is the part of the total that is tax); false: tax is added on top. */
  pricesIncludeTax: boolean;
  /** The destination's rate per tax category (a region's rate already chosen over its country's). */
  ratesByCategory: ReadonlyMap<string, TaxRate>;
}

export type PromotionKind = 'percentage' | 'fixed_amount' | 'free_shipping';

export interface PromotionToApply {
  promotionId: string;
  code: string | null;
  name: string;
  kind: PromotionKind;
  /** Basis points for `percentage` (1–10000), minor units for `fixed_amount`, ignored for `free_shipping`. */
  value: number;
  /** The variants it applies to; null: every line. */
  variantIds: ReadonlySet<string> | null;
  /** Ties within a kind are broken by creation time. */
  createdAt: Date;
}

/** No shipping, no tax, no promotions. */
export function plainPricing(currency: string, shipping: ShippingCharge | null = null): PricingContext {
  return { currency, shipping, tax: { pricesIncludeTax: false, ratesByCategory: new Map() }, promotions: [] };
}

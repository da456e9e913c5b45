import type { Money } from '@congocart/shared';

/** A stored cart line: the variant, how many, and the unit price the shopper last saw. */
export interface CartLine {
  id: string;
  variantId: string;
  quantity: number;
  seenUnitPrice: number;
}

/** What the cart needs to know about a variant right now (from catalog and inventory). */
export interface VariantOffer {
  variantId: string;
  productId: string;
  productName: string;
  sku: string;
  name: string;
  options: Record<string, string>;
  price: Money;
  sellable: boolean;
}

/** Current catalog and stock facts for the variants of a cart; absent variants are unknown. */
export interface VariantFacts {
  offers: Map<string, VariantOffer>;
  available: Map<string, number>;
}

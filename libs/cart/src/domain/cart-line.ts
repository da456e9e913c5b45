import type { VariantQuote } from '@congocart/pricing/pure';

/** A stored cart line: the variant, how many, and the unit price the shopper last saw. */
export interface CartLine {
  id: string;
  variantId: string;
  quantity: number;
  seenUnitPrice: number;
}

/** Current catalog and stock facts for the variants of a cart; absent variants are unknown. */
export interface VariantFacts {
  quotes: Map<string, VariantQuote>;
  available: Map<string, number>;
}

import type { Money } from '@congocart/shared/kernel';

/** The tax category of a variant that names none. */
export const STANDARD_TAX_CATEGORY = 'standard';

/**
 * A variant as priced now: the catalog's answer, read by the cart preview and by checkout. The one
 * declaration of it; catalog fills it, cart and ordering read it.
 */
export interface VariantQuote {
  variantId: string;
  productId: string;
  productName: string;
  sku: string;
  /** The variant's own name (e.g. "Medium / Red"). */
  name: string;
  options: Record<string, string>;
  unitPrice: Money;
  /** false when the product is draft or archived: it cannot be bought. */
  purchasable: boolean;
  /** Which tax rates apply to it (`standard` unless the variant says otherwise). */
  taxCategory: string;
  /** The product's category and all its ancestors (empty: uncategorised); promotions scoped to a category match on it. */
  categoryIds: string[];
}

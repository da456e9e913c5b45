import type { Money } from '@congocart/shared';

/** A variant as other contexts (cart, checkout) see it, priced now. */
export interface CatalogVariant {
  variantId: string;
  productId: string;
  productName: string;
  sku: string;
  /** The variant's own name (e.g. "Medium / Red"). */
  name: string;
  options: Record<string, string>;
  price: Money;
  /** false when the product is draft or archived: it cannot be bought. */
  sellable: boolean;
}

/** Catalog's public read API for other contexts. Unknown ids are simply absent from the result. */
export abstract class VariantCatalog {
  abstract findVariants(variantIds: string[]): Promise<Map<string, CatalogVariant>>;
}

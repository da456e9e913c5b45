import type { VariantQuote } from '@congocart/pricing';

/** Catalog's public read API for other contexts: variants priced now. Unknown ids are simply absent from the result. */
export abstract class VariantCatalog {
  abstract findVariants(variantIds: string[]): Promise<Map<string, VariantQuote>>;
}

import type { CursorKey } from '@congocart/shared';
import type { Product, ProductSummary, Variant } from '../domain/product';
import type { ProductStatus } from '../domain/product-status';

export const PRODUCT_SORTS = ['-createdAt', 'price', '-price', 'name'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export interface ShopperProductFilter {
  /** Already split into words (letters and digits only); every word must match as a prefix. */
  words: string[];
  /** A category id or slug; its sub-categories are included. */
  category: string | null;
  minPrice: number | null;
  maxPrice: number | null;
  inStock: boolean;
}

/** A listing row plus its keyset position `[sort value, id]`. */
export interface ListedProduct {
  summary: ProductSummary;
  cursorKey: CursorKey[];
}

/**
 * Read side of the catalog. Each method is one SQL statement whatever the page size, reading
 * availability from inventory's read model.
 */
export abstract class ProductListing {
  /** Active products with at least one variant, `limit` rows after the keyset position `after`. */
  abstract listForShoppers(
    filter: ShopperProductFilter,
    sort: ProductSort,
    after: CursorKey[] | null,
    limit: number,
  ): Promise<ListedProduct[]>;
  /** Any status, newest first. */
  abstract listForAdmins(status: ProductStatus | null, after: CursorKey[] | null, limit: number): Promise<ListedProduct[]>;
  /** By id or slug, active only. */
  abstract findActive(idOrSlug: string): Promise<Product | null>;
  abstract findById(id: string): Promise<Product | null>;
  abstract findVariant(id: string): Promise<Variant | null>;
}

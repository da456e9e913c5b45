import type { Money } from '@congocart/shared';
import type { ProductStatus } from '../domain/product-status';

export interface SlugChoice {
  value: string;
  /** An explicit slug must be free (else SLUG_TAKEN); a generated one gets a `-<n>` suffix instead. */
  explicit: boolean;
}

export interface NewProduct {
  name: string;
  slug: SlugChoice;
  description: string | null;
  status: ProductStatus;
  categoryId: string | null;
  images: string[];
  attributes: Record<string, string>;
}

export type ProductChanges = Partial<Omit<NewProduct, 'slug'> & { slug: string }>;

export interface NewVariant {
  sku: string;
  name: string;
  options: Record<string, string>;
  price: Money;
  taxCategory: string;
}

export type VariantChanges = Partial<NewVariant>;

export type ConditionalUpdate = 'updated' | 'missing' | 'stale';

/**
 * Writes of products and variants. Every method joins the caller's ambient transaction; unique
 * slugs and SKUs are enforced by the database (race-safe) and surface as SLUG_TAKEN / SKU_TAKEN,
 * an unknown category as UNKNOWN_CATEGORY.
 */
export abstract class ProductRepository {
  abstract insert(product: NewProduct): Promise<string>;
  /** One conditional UPDATE: `expectedVersions` (from If-Match) must contain the current version, `null` = any. */
  abstract update(id: string, changes: ProductChanges, expectedVersions: number[] | null): Promise<ConditionalUpdate>;
  abstract exists(id: string): Promise<boolean>;
  /** Inserts in one statement; returns the new ids in input order. */
  abstract insertVariants(productId: string, variants: NewVariant[]): Promise<string[]>;
  /** Returns the variant's product id, or null when the variant does not exist. */
  abstract updateVariant(id: string, changes: VariantChanges): Promise<string | null>;
  /** After variants changed: recomputes the product's price range (and bumps its version for an edit). */
  abstract refreshPriceRange(productId: string, options: { bumpVersion: boolean }): Promise<void>;
}

import type { Product, ProductSummary, Variant } from '../domain/product';
import type { ProductStatus } from '../domain/product-status';

/** Rows as the listing SQL returns them (bigint columns arrive as strings from pg). */
export interface SummaryRow {
  id: string;
  slug: string;
  name: string;
  status: ProductStatus;
  category_id: string | null;
  price_min: string | null;
  price_max: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  created_key: string;
  /** [variants, variants available now]: one pass over the product's variants and their stock. */
  variant_stock: [number, number];
}

export interface VariantRow {
  id: string;
  product_id: string;
  sku: string;
  name: string;
  options: Record<string, string>;
  price_amount: string | number;
  price_currency: string;
  tax_category: string;
  available: number;
}

export interface ProductRow {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  status: ProductStatus;
  category_id: string | null;
  images: string[];
  attributes: Record<string, string>;
  version: number;
  created_at: Date;
  updated_at: Date;
  variants: VariantRow[];
}

export function toSummary(row: SummaryRow, currency: string): ProductSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    categoryId: row.category_id,
    priceRange:
      row.price_min === null || row.price_max === null
        ? null
        : { min: { amount: Number(row.price_min), currency }, max: { amount: Number(row.price_max), currency } },
    inStock: row.variant_stock[1] > 0,
    variantCount: row.variant_stock[0],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toVariant(row: VariantRow): Variant {
  return {
    id: row.id,
    productId: row.product_id,
    sku: row.sku,
    name: row.name,
    options: row.options,
    price: { amount: Number(row.price_amount), currency: row.price_currency },
    available: Number(row.available),
    taxCategory: row.tax_category,
  };
}

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    status: row.status,
    categoryId: row.category_id,
    images: row.images,
    attributes: row.attributes,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    variants: row.variants.map(toVariant),
  };
}

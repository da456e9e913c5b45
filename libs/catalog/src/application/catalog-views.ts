import type { Money } from '@congocart/shared';
import type { Category, CategoryNode } from '../domain/category-tree';
import type { Product, ProductSummary, Variant } from '../domain/product';
import type { ProductStatus } from '../domain/product-status';

/*
 * The JSON representations the catalog serves (API.md shapes). Read use cases return these
 * plain values so they can be cached (also in Redis) and hashed into ETags as they are.
 */

export interface VariantView {
  id: string;
  productId: string;
  sku: string;
  name: string;
  options: Record<string, string>;
  price: Money;
  available: number;
  taxCategory: string;
}

export interface ProductView {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  status: ProductStatus;
  categoryId: string | null;
  images: string[];
  attributes: Record<string, string>;
  version: number;
  createdAt: string;
  updatedAt: string;
  variants: VariantView[];
}

export interface ProductSummaryView {
  id: string;
  slug: string;
  name: string;
  categoryId: string | null;
  priceRange: { min: Money; max: Money };
  inStock: boolean;
  createdAt: string;
}

export interface AdminProductSummaryView {
  id: string;
  slug: string;
  name: string;
  status: ProductStatus;
  categoryId: string | null;
  /** null while the product has no variants. */
  priceRange: { min: Money; max: Money } | null;
  inStock: boolean;
  variantCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type CategoryView = Category;
export type CategoryTreeView = CategoryNode;

export function toVariantView(variant: Variant): VariantView {
  return {
    id: variant.id,
    productId: variant.productId,
    sku: variant.sku,
    name: variant.name,
    options: variant.options,
    price: variant.price,
    available: variant.available,
    taxCategory: variant.taxCategory,
  };
}

export function toProductView(product: Product): ProductView {
  return {
    id: product.id,
    slug: product.slug,
    name: product.name,
    description: product.description,
    status: product.status,
    categoryId: product.categoryId,
    images: product.images,
    attributes: product.attributes,
    version: product.version,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
    variants: product.variants.map(toVariantView),
  };
}

export function toProductSummaryView(summary: ProductSummary): ProductSummaryView {
  if (!summary.priceRange) throw new Error('A shopper listing row always has variants');
  return {
    id: summary.id,
    slug: summary.slug,
    name: summary.name,
    categoryId: summary.categoryId,
    priceRange: summary.priceRange,
    inStock: summary.inStock,
    createdAt: summary.createdAt.toISOString(),
  };
}

export function toAdminProductSummaryView(summary: ProductSummary): AdminProductSummaryView {
  return {
    id: summary.id,
    slug: summary.slug,
    name: summary.name,
    status: summary.status,
    categoryId: summary.categoryId,
    priceRange: summary.priceRange,
    inStock: summary.inStock,
    variantCount: summary.variantCount,
    version: summary.version,
    createdAt: summary.createdAt.toISOString(),
    updatedAt: summary.updatedAt.toISOString(),
  };
}

export function toCategoryView(category: Category): CategoryView {
  return { id: category.id, name: category.name, slug: category.slug, parentId: category.parentId };
}

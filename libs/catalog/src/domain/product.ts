import type { Money } from '@congocart/shared/kernel';
import type { ProductStatus } from './product-status';

export interface Variant {
  id: string;
  productId: string;
  sku: string;
  name: string;
  options: Record<string, string>;
  price: Money;
  /** onHand − reserved from inventory; 0 when it holds no stock level. */
  available: number;
  /** Which tax rates apply (`standard` unless set). */
  taxCategory: string;
}

export interface Product {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  status: ProductStatus;
  categoryId: string | null;
  images: string[];
  attributes: Record<string, string>;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  variants: Variant[];
}

/** A listing row: prices are the range over the product's variants. */
export interface ProductSummary {
  id: string;
  slug: string;
  name: string;
  status: ProductStatus;
  categoryId: string | null;
  priceRange: { min: Money; max: Money } | null;
  inStock: boolean;
  variantCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

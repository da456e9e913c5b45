import { Injectable } from '@nestjs/common';
import { Money, PlatformConfig, Transactional } from '@congocart/shared';
import { StockLevels } from '@congocart/inventory';
import { STANDARD_TAX_CATEGORY } from '@congocart/pricing';
import { assertStoreCurrency } from '../domain/catalog.errors';
import { slugify } from '../domain/slug';
import { ProductView, toProductView } from './catalog-views';
import { ProductListing } from './product-listing.port';
import { ProductRepository } from './product-repository.port';
import { CatalogCacheInvalidation } from './catalog-cache-invalidation';

export interface VariantInput {
  sku: string;
  name: string;
  /** Defaults to {}. */
  options?: Record<string, string>;
  price: Money;
  /** Defaults to `standard`. */
  taxCategory?: string;
}

export interface CreateProductCommand {
  name: string;
  slug?: string;
  description?: string;
  categoryId?: string;
  status?: 'draft' | 'active';
  images?: string[];
  attributes?: Record<string, string>;
  variants?: VariantInput[];
}

/** Creates a product with its variants, each with a stock level, in one transaction. */
@Injectable()
export class CreateProduct {
  constructor(
    private readonly products: ProductRepository,
    private readonly listing: ProductListing,
    private readonly stockLevels: StockLevels,
    private readonly config: PlatformConfig,
    private readonly invalidation: CatalogCacheInvalidation,
  ) {}

  @Transactional()
  async execute(command: CreateProductCommand): Promise<ProductView> {
    const variants = command.variants ?? [];
    variants.forEach((variant, index) =>
      assertStoreCurrency(variant.price.currency, this.config.currency, `variants.${index}.price.currency`),
    );
    const productId = await this.products.insert({
      name: command.name,
      slug: command.slug ? { value: command.slug, explicit: true } : { value: slugify(command.name, 'product'), explicit: false },
      description: command.description ?? null,
      status: command.status ?? 'draft',
      categoryId: command.categoryId ?? null,
      images: command.images ?? [],
      attributes: command.attributes ?? {},
    });
    if (variants.length) {
      const variantIds = await this.products.insertVariants(
        productId,
        variants.map((variant) => ({
          ...variant,
          options: variant.options ?? {},
          taxCategory: variant.taxCategory ?? STANDARD_TAX_CATEGORY,
        })),
      );
      for (const variantId of variantIds) await this.stockLevels.createFor(variantId);
      await this.products.refreshPriceRange(productId, { bumpVersion: false });
    }
    const created = await this.listing.findById(productId);
    if (!created) throw new Error('The product just created cannot be read back');
    await this.invalidation.afterCommit();
    return toProductView(created);
  }
}

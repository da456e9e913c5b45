import { Injectable } from '@nestjs/common';
import { NotFoundError, PlatformConfig, Transactional } from '@congocart/shared';
import { StockLevels } from '@congocart/inventory';
import { STANDARD_TAX_CATEGORY } from '@congocart/pricing';
import { assertStoreCurrency } from '../domain/catalog.errors';
import { toVariantView, VariantView } from './catalog-views';
import type { VariantInput } from './create-product.use-case';
import { ProductListing } from './product-listing.port';
import { ProductRepository } from './product-repository.port';
import { CatalogCacheInvalidation } from './catalog-cache-invalidation';

/** Adds a variant (with its stock level at 0) to a product; the product's version moves on. */
@Injectable()
export class AddVariant {
  constructor(
    private readonly products: ProductRepository,
    private readonly listing: ProductListing,
    private readonly stockLevels: StockLevels,
    private readonly config: PlatformConfig,
    private readonly invalidation: CatalogCacheInvalidation,
  ) {}

  @Transactional()
  async execute(productId: string, variant: VariantInput): Promise<VariantView> {
    if (!(await this.products.exists(productId))) throw new NotFoundError('Product');
    assertStoreCurrency(variant.price.currency, this.config.currency, 'price.currency');
    const [variantId] = await this.products.insertVariants(productId, [
      { ...variant, options: variant.options ?? {}, taxCategory: variant.taxCategory ?? STANDARD_TAX_CATEGORY },
    ]);
    await this.stockLevels.createFor(variantId);
    await this.products.refreshPriceRange(productId, { bumpVersion: true });
    const created = await this.listing.findVariant(variantId);
    if (!created) throw new Error('The variant just created cannot be read back');
    await this.invalidation.afterCommit();
    return toVariantView(created);
  }
}

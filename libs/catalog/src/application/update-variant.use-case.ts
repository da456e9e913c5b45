import { Injectable } from '@nestjs/common';
import { NotFoundError, PlatformConfig, Transactional } from '@congocart/shared';
import { assertStoreCurrency } from '../domain/catalog.errors';
import { toVariantView, VariantView } from './catalog-views';
import type { VariantInput } from './create-product.use-case';
import { ProductListing } from './product-listing.port';
import { ProductRepository, VariantChanges } from './product-repository.port';
import { CatalogCacheInvalidation } from './catalog-cache-invalidation';

/** Partial variant update; the product's price range and version follow in the same transaction. */
@Injectable()
export class UpdateVariant {
  constructor(
    private readonly products: ProductRepository,
    private readonly listing: ProductListing,
    private readonly config: PlatformConfig,
    private readonly invalidation: CatalogCacheInvalidation,
  ) {}

  @Transactional()
  async execute(variantId: string, command: Partial<VariantInput>): Promise<VariantView> {
    if (command.price) assertStoreCurrency(command.price.currency, this.config.currency, 'price.currency');
    const changes: VariantChanges = Object.fromEntries(Object.entries(command).filter(([, value]) => value !== undefined));
    const productId = await this.products.updateVariant(variantId, changes);
    if (!productId) throw new NotFoundError('Variant');
    await this.products.refreshPriceRange(productId, { bumpVersion: true });
    const updated = await this.listing.findVariant(variantId);
    if (!updated) throw new NotFoundError('Variant');
    await this.invalidation.afterCommit();
    return toVariantView(updated);
  }
}

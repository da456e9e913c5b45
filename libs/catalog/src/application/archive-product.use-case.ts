import { Injectable } from '@nestjs/common';
import { NotFoundError, Transactional } from '@congocart/shared';
import { ProductRepository } from './product-repository.port';
import { CatalogCacheInvalidation } from './catalog-cache-invalidation';

/** DELETE hides a product for good but keeps it (orders and carts still name its variants). */
@Injectable()
export class ArchiveProduct {
  constructor(
    private readonly products: ProductRepository,
    private readonly invalidation: CatalogCacheInvalidation,
  ) {}

  @Transactional()
  async execute(id: string): Promise<void> {
    const outcome = await this.products.update(id, { status: 'archived' }, null);
    if (outcome === 'missing') throw new NotFoundError('Product');
    await this.invalidation.afterCommit();
  }
}

import { Injectable } from '@nestjs/common';
import { NotFoundError, PreconditionFailedError, Transactional } from '@congocart/shared';
import type { ProductStatus } from '../domain/product-status';
import { ProductView, toProductView } from './catalog-views';
import { ProductListing } from './product-listing.port';
import { ProductChanges, ProductRepository } from './product-repository.port';
import { CatalogCacheInvalidation } from './catalog-cache-invalidation';

export interface UpdateProductCommand {
  name?: string;
  slug?: string;
  description?: string | null;
  categoryId?: string | null;
  status?: ProductStatus;
  images?: string[];
  attributes?: Record<string, string>;
}

/**
 * Partial update guarded by optimistic concurrency: with If-Match, the change applies only if the
 * version still matches, in the same UPDATE statement; otherwise 412 and nothing changes.
 */
@Injectable()
export class UpdateProduct {
  constructor(
    private readonly products: ProductRepository,
    private readonly listing: ProductListing,
    private readonly invalidation: CatalogCacheInvalidation,
  ) {}

  /** `expectedVersions`: the versions If-Match accepts, `null` when there is no If-Match (or `*`). */
  @Transactional()
  async execute(id: string, command: UpdateProductCommand, expectedVersions: number[] | null): Promise<ProductView> {
    const changes: ProductChanges = Object.fromEntries(Object.entries(command).filter(([, value]) => value !== undefined));
    const outcome = await this.products.update(id, changes, expectedVersions);
    if (outcome === 'missing') throw new NotFoundError('Product');
    if (outcome === 'stale') throw new PreconditionFailedError();
    const updated = await this.listing.findById(id);
    if (!updated) throw new NotFoundError('Product');
    await this.invalidation.afterCommit();
    return toProductView(updated);
  }
}

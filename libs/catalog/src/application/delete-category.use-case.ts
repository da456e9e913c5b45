import { Injectable } from '@nestjs/common';
import { NotFoundError, Transactional } from '@congocart/shared';
import { CategoryInUseError } from '../domain/catalog.errors';
import { CategoryRepository } from './category-repository.port';
import { CatalogCacheInvalidation } from './catalog-cache-invalidation';

/** Only an empty leaf can go: products (of any status) and sub-categories must be moved first. */
@Injectable()
export class DeleteCategory {
  constructor(
    private readonly categories: CategoryRepository,
    private readonly invalidation: CatalogCacheInvalidation,
  ) {}

  @Transactional()
  async execute(id: string): Promise<void> {
    const outcome = await this.categories.delete(id);
    if (outcome === 'missing') throw new NotFoundError('Category');
    if (outcome === 'in-use') throw new CategoryInUseError();
    await this.invalidation.afterCommit();
  }
}

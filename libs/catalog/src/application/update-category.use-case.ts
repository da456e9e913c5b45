import { Injectable } from '@nestjs/common';
import { NotFoundError, Transactional } from '@congocart/shared';
import { CategoryCycleError, CategoryTooDeepError, MAX_CATEGORY_DEPTH } from '../domain/catalog.errors';
import { CategoryView, toCategoryView } from './catalog-views';
import { CategoryChanges, CategoryRepository } from './category-repository.port';
import { CatalogCacheInvalidation } from './catalog-cache-invalidation';

export interface UpdateCategoryCommand {
  name?: string;
  slug?: string;
  parentId?: string | null;
}

/** Renames or moves a category; a move under itself or its own descendant is refused. */
@Injectable()
export class UpdateCategory {
  constructor(
    private readonly categories: CategoryRepository,
    private readonly invalidation: CatalogCacheInvalidation,
  ) {}

  @Transactional()
  async execute(id: string, command: UpdateCategoryCommand): Promise<CategoryView> {
    const changes: CategoryChanges = Object.fromEntries(Object.entries(command).filter(([, value]) => value !== undefined));
    if (changes.parentId) {
      await this.categories.lockTree();
      if (await this.categories.isSelfOrDescendant(changes.parentId, id)) throw new CategoryCycleError();
      const depth = await this.categories.depthOf(changes.parentId);
      if (depth + (await this.categories.heightOf(id)) > MAX_CATEGORY_DEPTH) throw new CategoryTooDeepError();
    }
    const updated = await this.categories.update(id, changes);
    if (!updated) throw new NotFoundError('Category');
    await this.invalidation.afterCommit();
    return toCategoryView(updated);
  }
}

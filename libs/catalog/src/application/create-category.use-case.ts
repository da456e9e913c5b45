import { Injectable } from '@nestjs/common';
import { Transactional } from '@congocart/shared';
import { CategoryTooDeepError, MAX_CATEGORY_DEPTH } from '../domain/catalog.errors';
import { slugify } from '../domain/slug';
import { CategoryView, toCategoryView } from './catalog-views';
import { CategoryRepository } from './category-repository.port';
import { CatalogCacheInvalidation } from './catalog-cache-invalidation';

export interface CreateCategoryCommand {
  name: string;
  slug?: string;
  parentId?: string;
}

@Injectable()
export class CreateCategory {
  constructor(
    private readonly categories: CategoryRepository,
    private readonly invalidation: CatalogCacheInvalidation,
  ) {}

  @Transactional()
  async execute(command: CreateCategoryCommand): Promise<CategoryView> {
    if (command.parentId) {
      await this.categories.lockTree(); // the depth checked is the depth inserted under
      if ((await this.categories.depthOf(command.parentId)) + 1 > MAX_CATEGORY_DEPTH) throw new CategoryTooDeepError();
    }
    const created = await this.categories.insert({
      name: command.name,
      slug: command.slug ? { value: command.slug, explicit: true } : { value: slugify(command.name, 'category'), explicit: false },
      parentId: command.parentId ?? null,
    });
    await this.invalidation.afterCommit();
    return toCategoryView(created);
  }
}

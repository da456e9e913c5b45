import { Injectable } from '@nestjs/common';
import { Transactional } from '@congocart/shared';
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
    const created = await this.categories.insert({
      name: command.name,
      slug: command.slug ? { value: command.slug, explicit: true } : { value: slugify(command.name, 'category'), explicit: false },
      parentId: command.parentId ?? null,
    });
    await this.invalidation.afterCommit();
    return toCategoryView(created);
  }
}

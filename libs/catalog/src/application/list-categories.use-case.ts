import { Injectable } from '@nestjs/common';
import { buildCategoryTree } from '../domain/category-tree';
import { CatalogCache } from './catalog-cache.port';
import { CategoryTreeView } from './catalog-views';
import { CategoryRepository } from './category-repository.port';

/** The whole category tree (small enough to serve unpaged), roots first. */
@Injectable()
export class ListCategories {
  constructor(
    private readonly categories: CategoryRepository,
    private readonly cache: CatalogCache,
  ) {}

  execute(): Promise<{ data: CategoryTreeView[] }> {
    return this.cache.getOrLoad('listings', 'categories', async () => ({ data: buildCategoryTree(await this.categories.listAll()) }));
  }
}

import type { Category } from '../domain/category-tree';
import type { SlugChoice } from './product-repository.port';

export interface NewCategory {
  name: string;
  slug: SlugChoice;
  parentId: string | null;
}

export type CategoryChanges = Partial<{ name: string; slug: string; parentId: string | null }>;

/** Category writes and reads; joins the ambient transaction. */
export abstract class CategoryRepository {
  abstract insert(category: NewCategory): Promise<Category>;
  abstract update(id: string, changes: CategoryChanges): Promise<Category | null>;
  /** Deletes a category that has no products and no children. */
  abstract delete(id: string): Promise<'deleted' | 'missing' | 'in-use'>;
  abstract findById(id: string): Promise<Category | null>;
  /** Every category, siblings ordered by name. */
  abstract listAll(): Promise<Category[]>;
  /** Serialises moves within the tree until the transaction ends, so two moves cannot form a cycle together. */
  abstract lockTree(): Promise<void>;
  /** True when `candidateId` is `ancestorId` itself or lies below it. */
  abstract isSelfOrDescendant(candidateId: string, ancestorId: string): Promise<boolean>;
  /** Levels from the root down to this category (a root is 1; unknown: 0). */
  abstract depthOf(id: string): Promise<number>;
  /** Levels of the subtree under and including this category (a leaf is 1). */
  abstract heightOf(id: string): Promise<number>;
}

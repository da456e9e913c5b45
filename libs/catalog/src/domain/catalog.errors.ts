import { ConflictError, DomainError, FieldError, ValidationFailedError } from '@congocart/shared/kernel';

export class SlugTakenError extends ConflictError {
  constructor(slug: string) {
    super('SLUG_TAKEN', `The slug "${slug}" is already in use.`, { slug });
  }
}

export class SkuTakenError extends ConflictError {
  constructor() {
    super('SKU_TAKEN', 'A variant with this SKU already exists.');
  }
}

export class CategoryInUseError extends ConflictError {
  constructor() {
    super('CATEGORY_IN_USE', 'The category still has products or sub-categories (archived products count too).');
  }
}

export class CategoryCycleError extends ConflictError {
  constructor() {
    super('CATEGORY_CYCLE', 'A category cannot be moved under itself or one of its descendants.');
  }
}

/** Categories nest at most this deep: the listing's subtree queries and the shop's menus stay bounded. */
export const MAX_CATEGORY_DEPTH = 8;

export class CategoryTooDeepError extends DomainError {
  readonly code = 'CATEGORY_TOO_DEEP';
  readonly status = 400;
  constructor() {
    super(`Categories nest at most ${MAX_CATEGORY_DEPTH} levels deep.`, {
      errors: [{ field: 'parentId', message: `categories nest at most ${MAX_CATEGORY_DEPTH} levels deep` }],
    });
  }
}

/** A body names a category (categoryId, parentId) that does not exist: the input is wrong, not the URL. */
export class UnknownCategoryError extends DomainError {
  readonly code = 'UNKNOWN_CATEGORY';
  readonly status = 400;
  constructor(field: string) {
    super('No category has this id.', { errors: [{ field, message: 'No category has this id.' }] satisfies FieldError[] });
  }
}

/** The store sells in one currency; a price in another is invalid input. */
export function assertStoreCurrency(currency: string, storeCurrency: string, field: string): void {
  if (currency !== storeCurrency) {
    throw new ValidationFailedError([{ field, message: `The currency must be the store currency ${storeCurrency}.` }]);
  }
}

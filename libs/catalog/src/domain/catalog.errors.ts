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

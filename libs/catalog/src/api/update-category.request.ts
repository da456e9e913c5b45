import { StringField, UuidField } from '@congocart/shared';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../domain/slug';

/** Partial: only the fields sent change. */
export class UpdateCategoryRequest {
  @StringField({ optional: true, minLength: 1, maxLength: 120, trim: true, example: 'Running shoes' })
  name?: string;

  @StringField({ optional: true, minLength: 1, maxLength: SLUG_MAX_LENGTH, pattern: SLUG_PATTERN, example: 'running-shoes' })
  slug?: string;

  @UuidField({ nullable: true, description: 'Moves the category; null makes it a root' })
  parentId?: string | null;
}

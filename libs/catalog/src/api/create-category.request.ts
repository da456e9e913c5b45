import { StringField, UuidField } from '@congocart/shared';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../domain/slug';

export class CreateCategoryRequest {
  @StringField({ minLength: 1, maxLength: 120, trim: true, example: 'Running shoes' })
  name: string;

  @StringField({
    optional: true,
    minLength: 1,
    maxLength: SLUG_MAX_LENGTH,
    pattern: SLUG_PATTERN,
    description: 'Generated from the name when absent',
    example: 'running-shoes',
  })
  slug?: string;

  @UuidField({ optional: true, description: 'The parent category; absent for a root' })
  parentId?: string;
}

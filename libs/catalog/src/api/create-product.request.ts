import { EnumField, NestedArrayField, StringArrayField, StringField, StringMapField, UuidField } from '@congocart/shared';
import { CREATABLE_PRODUCT_STATUSES } from '../domain/product-status';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../domain/slug';
import { AddVariantRequest } from './add-variant.request';

export const IMAGE_URL_PATTERN = /^https:\/\/[^\s]+$/;
export const MAX_IMAGES = 10;
export const MAX_VARIANTS_PER_REQUEST = 50;

export class CreateProductRequest {
  @StringField({ minLength: 1, maxLength: 200, trim: true, example: 'Classic T-shirt' })
  name: string;

  @StringField({
    optional: true,
    minLength: 1,
    maxLength: SLUG_MAX_LENGTH,
    pattern: SLUG_PATTERN,
    patternMessage: 'slug must be lower-case letters and digits joined by single hyphens',
    description: 'Generated from the name when absent',
    example: 'classic-t-shirt',
  })
  slug?: string;

  @StringField({ optional: true, maxLength: 5000, example: 'Heavyweight organic cotton.' })
  description?: string;

  @UuidField({ optional: true })
  categoryId?: string;

  @EnumField(CREATABLE_PRODUCT_STATUSES, { optional: true, description: 'Defaults to draft', enumName: 'CreatableProductStatus' })
  status?: 'draft' | 'active';

  @StringArrayField({
    optional: true,
    maxItems: MAX_IMAGES,
    maxLength: 2048,
    pattern: IMAGE_URL_PATTERN,
    example: ['https://cdn.congocart.dev/tee.jpg'],
  })
  images?: string[];

  @StringMapField({ optional: true, maxProperties: 30, maxKeyLength: 64, maxValueLength: 500, example: { material: 'cotton' } })
  attributes?: Record<string, string>;

  @NestedArrayField(() => AddVariantRequest, { optional: true, maxItems: MAX_VARIANTS_PER_REQUEST })
  variants?: AddVariantRequest[];
}

import { EnumField, StringArrayField, StringField, StringMapField, UuidField } from '@congocart/shared';
import { PRODUCT_STATUSES, ProductStatus } from '../domain/product-status';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../domain/slug';
import { IMAGE_URL_PATTERN, MAX_IMAGES } from './create-product.request';

/** Partial: only the fields sent change; variants have their own routes. */
export class UpdateProductRequest {
  @StringField({ optional: true, minLength: 1, maxLength: 200, trim: true, example: 'Classic T-shirt' })
  name?: string;

  @StringField({ optional: true, minLength: 1, maxLength: SLUG_MAX_LENGTH, pattern: SLUG_PATTERN, example: 'classic-t-shirt' })
  slug?: string;

  @StringField({ nullable: true, maxLength: 5000, description: 'null clears it' })
  description?: string | null;

  @UuidField({ nullable: true, description: 'null removes the product from its category' })
  categoryId?: string | null;

  @EnumField(PRODUCT_STATUSES, { optional: true, description: 'active publishes; draft or archived hides', enumName: 'ProductStatus' })
  status?: ProductStatus;

  @StringArrayField({ optional: true, maxItems: MAX_IMAGES, maxLength: 2048, pattern: IMAGE_URL_PATTERN })
  images?: string[];

  @StringMapField({ optional: true, maxProperties: 30, maxKeyLength: 64, maxValueLength: 500 })
  attributes?: Record<string, string>;
}

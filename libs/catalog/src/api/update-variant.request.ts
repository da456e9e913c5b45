import { NestedField, StringField, StringMapField } from '@congocart/shared';
import { SKU_PATTERN } from './add-variant.request';
import { PriceRequest } from './price.request';
import { TaxCategoryField } from './tax-category.field';

/** Partial: only the fields sent change. */
export class UpdateVariantRequest {
  @StringField({ optional: true, minLength: 1, maxLength: 64, pattern: SKU_PATTERN, example: 'TEE-BLK-M' })
  sku?: string;

  @StringField({ optional: true, minLength: 1, maxLength: 200, trim: true, example: 'Black / M' })
  name?: string;

  @StringMapField({ optional: true, maxProperties: 10, maxKeyLength: 50, maxValueLength: 100, example: { colour: 'black', size: 'M' } })
  options?: Record<string, string>;

  @NestedField(() => PriceRequest, { optional: true })
  price?: PriceRequest;

  @TaxCategoryField()
  taxCategory?: string;
}

import { NestedField, StringField, StringMapField } from '@congocart/shared';
import { TaxCategoryField } from './tax-category.field';
import { PriceRequest } from './price.request';

export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class AddVariantRequest {
  @StringField({
    minLength: 1,
    maxLength: 64,
    pattern: SKU_PATTERN,
    patternMessage: 'sku may hold letters, digits, ".", "_" and "-"',
    example: 'TEE-BLK-M',
  })
  sku: string;

  @StringField({ minLength: 1, maxLength: 200, trim: true, example: 'Black / M' })
  name: string;

  @StringMapField({
    optional: true,
    maxProperties: 10,
    maxKeyLength: 50,
    maxValueLength: 100,
    description: 'Defaults to {}',
    example: { colour: 'black', size: 'M' },
  })
  options?: Record<string, string>;

  @NestedField(() => PriceRequest)
  price: PriceRequest;

  @TaxCategoryField()
  taxCategory?: string;
}

import { TAX_CATEGORY_PATTERN } from '@congocart/pricing';
import { StringField } from '@congocart/shared';

/** A variant's optional `taxCategory` (the codes tax rates are kept under). */
export const TaxCategoryField = () =>
  StringField({
    optional: true,
    minLength: 1,
    maxLength: 32,
    pattern: TAX_CATEGORY_PATTERN,
    patternMessage: 'taxCategory may hold lower-case letters, digits, "_" and "-", starting with a letter',
    description: 'Which tax rates apply (`standard` when absent)',
    example: 'reduced',
  });

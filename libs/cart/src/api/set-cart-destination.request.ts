import { EnumField, StringField } from '@congocart/shared';
import { COUNTRY_CODES } from '@congocart/shared/kernel';

export class SetCartDestinationRequest {
  @EnumField(COUNTRY_CODES, { enumName: 'CountryCode', description: 'ISO 3166-1 alpha-2 (upper case)', example: 'KE' })
  country: string;

  @StringField({
    optional: true,
    minLength: 1,
    maxLength: 100,
    trim: true,
    description: 'State, province or county (some rates depend on it)',
    example: 'CA',
  })
  region?: string;
}

export class ShippingOptionsQuery {
  @EnumField(COUNTRY_CODES, { enumName: 'CountryCode', description: 'ISO 3166-1 alpha-2 (upper case)', example: 'KE' })
  country: string;
}

import { BoolField, EnumField, StringField } from '@congocart/shared';
import { ADDRESS_LIMITS, POSTAL_CODE_PATTERN } from '../domain/address';
import { ADDRESS_LABEL_MAX_LENGTH } from '../domain/address-book';
import { COUNTRY_CODES } from '@congocart/shared/kernel';

const POSTAL_CODE_MESSAGE = 'postalCode may hold letters, digits, spaces and hyphens only';

export class CreateAddressRequest {
  @StringField({
    maxLength: ADDRESS_LABEL_MAX_LENGTH,
    optional: true,
    trim: true,
    description: 'The shopper’s name for it',
    example: 'Home',
  })
  label?: string;

  @BoolField({ optional: true, description: 'Make it the default address (the first address always is)', example: false })
  isDefault?: boolean;

  @StringField({ maxLength: ADDRESS_LIMITS.name, minLength: 1, trim: true, description: 'Recipient', example: 'Ada Lovelace' })
  name: string;

  @StringField({ maxLength: ADDRESS_LIMITS.line1, minLength: 1, trim: true, example: '12 St James’s Square' })
  line1: string;

  @StringField({ maxLength: ADDRESS_LIMITS.line2, optional: true, trim: true, example: 'Flat 3' })
  line2?: string;

  @StringField({ maxLength: ADDRESS_LIMITS.city, minLength: 1, trim: true, example: 'London' })
  city: string;

  @StringField({
    maxLength: ADDRESS_LIMITS.region,
    optional: true,
    trim: true,
    description: 'State, province or county',
    example: 'Greater London',
  })
  region?: string;

  @StringField({
    maxLength: ADDRESS_LIMITS.postalCode,
    minLength: 1,
    trim: true,
    pattern: POSTAL_CODE_PATTERN,
    patternMessage: POSTAL_CODE_MESSAGE,
    example: 'SW1Y 4JH',
  })
  postalCode: string;

  @EnumField(COUNTRY_CODES, { enumName: 'CountryCode', description: 'ISO 3166-1 alpha-2 (upper case)', example: 'GB' })
  country: string;
}

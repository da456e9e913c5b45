import { BoolField, EnumField, StringField } from '@congocart/shared';
import { ADDRESS_LIMITS, POSTAL_CODE_PATTERN } from '../domain/address';
import { ADDRESS_LABEL_MAX_LENGTH } from '../domain/address-book';
import { COUNTRY_CODES } from '@congocart/shared/kernel';

/** Partial: only the fields sent change; `null` clears `label`, `line2` or `region`. */
export class UpdateAddressRequest {
  @StringField({ maxLength: ADDRESS_LABEL_MAX_LENGTH, nullable: true, trim: true, description: '`null` removes it', example: 'Work' })
  label?: string | null;

  @BoolField({
    optional: true,
    description: '`true` moves the default to this address; `false` on the default → 409 DEFAULT_ADDRESS_REQUIRED',
    example: true,
  })
  isDefault?: boolean;

  @StringField({
    maxLength: ADDRESS_LIMITS.name,
    minLength: 1,
    optional: true,
    trim: true,
    description: 'Recipient',
    example: 'Ada Lovelace',
  })
  name?: string;

  @StringField({ maxLength: ADDRESS_LIMITS.line1, minLength: 1, optional: true, trim: true, example: '12 St James’s Square' })
  line1?: string;

  @StringField({ maxLength: ADDRESS_LIMITS.line2, nullable: true, trim: true, description: '`null` removes it', example: 'Flat 3' })
  line2?: string | null;

  @StringField({ maxLength: ADDRESS_LIMITS.city, minLength: 1, optional: true, trim: true, example: 'London' })
  city?: string;

  @StringField({
    maxLength: ADDRESS_LIMITS.region,
    nullable: true,
    trim: true,
    description: '`null` removes it',
    example: 'Greater London',
  })
  region?: string | null;

  @StringField({
    maxLength: ADDRESS_LIMITS.postalCode,
    minLength: 1,
    optional: true,
    trim: true,
    pattern: POSTAL_CODE_PATTERN,
    patternMessage: 'postalCode may hold letters, digits, spaces and hyphens only',
    example: 'SW1Y 4JH',
  })
  postalCode?: string;

  @EnumField(COUNTRY_CODES, { optional: true, enumName: 'CountryCode', description: 'ISO 3166-1 alpha-2 (upper case)', example: 'GB' })
  country?: string;
}

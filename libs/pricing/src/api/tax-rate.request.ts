import { EnumField, IntField, PageQuery, StringField } from '@congocart/shared';
import { COUNTRY_CODES } from '@congocart/shared/kernel';
import { TAX_CATEGORY_PATTERN } from '../domain/tax-rate';

const RateField = (optional: boolean) =>
  IntField({ optional, min: 0, max: 10_000, description: 'Basis points (1600 = 16 %)', example: 1600 });
const CategoryField = (optional: boolean) =>
  StringField({
    optional,
    minLength: 1,
    maxLength: 32,
    pattern: TAX_CATEGORY_PATTERN,
    patternMessage: 'taxCategory may hold lower-case letters, digits, "_" and "-", starting with a letter',
    description: optional ? undefined : 'Default `standard`',
    example: 'standard',
  });

export class CreateTaxRateRequest {
  @EnumField(COUNTRY_CODES, { enumName: 'CountryCode', description: 'ISO 3166-1 alpha-2', example: 'KE' })
  country: string;
  @StringField({
    nullable: true,
    minLength: 1,
    maxLength: 100,
    trim: true,
    description: 'A state, province or county; absent: the whole country',
    example: 'CA',
  })
  region?: string | null;
  @StringField({
    optional: true,
    minLength: 1,
    maxLength: 32,
    pattern: TAX_CATEGORY_PATTERN,
    patternMessage: 'taxCategory may hold lower-case letters, digits, "_" and "-", starting with a letter',
    description: 'Default `standard`',
    example: 'standard',
  })
  taxCategory?: string;
  @RateField(false)
  rate: number;
  @StringField({ minLength: 1, maxLength: 100, trim: true, example: 'VAT 16 %' })
  name: string;
}

/** Partial: only the fields sent change; `region: null` makes it country-wide. */
export class UpdateTaxRateRequest {
  @EnumField(COUNTRY_CODES, { optional: true, enumName: 'CountryCode', example: 'KE' })
  country?: string;
  @StringField({ nullable: true, minLength: 1, maxLength: 100, trim: true, example: 'CA' })
  region?: string | null;
  @CategoryField(true)
  taxCategory?: string;
  @RateField(true)
  rate?: number;
  @StringField({ optional: true, minLength: 1, maxLength: 100, trim: true, example: 'VAT 16 %' })
  name?: string;
}

export class ListTaxRatesRequest extends PageQuery {
  @EnumField(COUNTRY_CODES, { optional: true, enumName: 'CountryCode', description: 'Only this country’s rates', example: 'US' })
  country?: string;
}

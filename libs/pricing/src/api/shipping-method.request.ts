import { applyDecorators } from '@nestjs/common';
import { IsIn } from 'class-validator';
import { BoolField, IntField, NestedField, StringArrayField, StringField } from '@congocart/shared';
import { COUNTRY_CODES } from '@congocart/shared/kernel';
import { SHIPPING_METHOD_CODE_PATTERN } from '../domain/shipping-method';
import { MoneyRequest } from './money.request';

const MAX_DELIVERY_DAYS = 365;

export class DeliveryDaysRequest {
  @IntField({ min: 0, max: MAX_DELIVERY_DAYS, example: 2 })
  min: number;
  @IntField({ min: 0, max: MAX_DELIVERY_DAYS, description: 'At least `min`', example: 4 })
  max: number;
}

/** ISO alpha-2 codes (repeats are dropped); empty: every country. */
const CountriesField = () =>
  applyDecorators(
    StringArrayField({
      optional: true,
      maxItems: COUNTRY_CODES.length,
      maxLength: 2,
      pattern: /^[A-Z]{2}$/,
      description: 'ISO 3166-1 alpha-2 codes served; empty (the default): every country',
      example: ['KE', 'UG', 'TZ'],
    }),
    IsIn(COUNTRY_CODES as readonly string[] as string[], { each: true, message: 'each of countries must be an ISO 3166-1 alpha-2 code' }),
  );

const CodeField = (optional: boolean) =>
  StringField({
    optional,
    minLength: 1,
    maxLength: 50,
    pattern: SHIPPING_METHOD_CODE_PATTERN,
    patternMessage: 'code may hold lower-case letters, digits, "_" and "-"',
    example: 'express',
  });

export class CreateShippingMethodRequest {
  @CodeField(false)
  code: string;
  @StringField({ minLength: 1, maxLength: 100, trim: true, example: 'Express (1–2 days)' })
  name: string;
  @StringField({ nullable: true, maxLength: 500, trim: true, example: 'Tracked, signed for' })
  description?: string | null;
  @NestedField(() => MoneyRequest)
  price: MoneyRequest;
  @NestedField(() => MoneyRequest, { nullable: true, description: 'Free when the subtotal after discounts is at least this' })
  freeOver?: MoneyRequest | null;
  @CountriesField()
  countries?: string[];
  @NestedField(() => DeliveryDaysRequest, { nullable: true })
  deliveryDays?: DeliveryDaysRequest | null;
  @BoolField({ optional: true, description: 'Default true' })
  active?: boolean;
}

/** Partial: only the fields sent change; `null` clears description, freeOver and deliveryDays. */
export class UpdateShippingMethodRequest {
  @CodeField(true)
  code?: string;
  @StringField({ optional: true, minLength: 1, maxLength: 100, trim: true, example: 'Express (1–2 days)' })
  name?: string;
  @StringField({ nullable: true, maxLength: 500, trim: true, example: 'Tracked, signed for' })
  description?: string | null;
  @NestedField(() => MoneyRequest, { optional: true })
  price?: MoneyRequest;
  @NestedField(() => MoneyRequest, { nullable: true })
  freeOver?: MoneyRequest | null;
  @CountriesField()
  countries?: string[];
  @NestedField(() => DeliveryDaysRequest, { nullable: true })
  deliveryDays?: DeliveryDaysRequest | null;
  @BoolField({ optional: true })
  active?: boolean;
}

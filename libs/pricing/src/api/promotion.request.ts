import { applyDecorators } from '@nestjs/common';
import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { IsISO8601, IsUUID, registerDecorator } from 'class-validator';
import { BoolField, EnumField, IntField, MAX_MONEY_AMOUNT, NestedField, StringArrayField, StringField } from '@congocart/shared';
import type { PromotionKind } from '../domain/pricing-context';
import { PROMOTION_CODE_PATTERN, PROMOTION_KINDS } from '../domain/promotion';
import { MoneyRequest } from './money.request';

const MAX_SCOPE_IDS = 100;
const MAX_USAGE_LIMIT = 1_000_000_000;

const IdsField = (what: string) =>
  applyDecorators(
    StringArrayField({ optional: true, maxItems: MAX_SCOPE_IDS, maxLength: 36, description: `${what} ids (repeats are dropped)` }),
    IsUUID('all', { each: true, message: `each of the ${what.toLowerCase()} ids must be a UUID` }),
  );

export class PromotionScopeRequest {
  @IdsField('Product')
  productIds?: string[];
  @IdsField('Category')
  categoryIds?: string[];
}

/** `value`: an integer (basis points) for percentage, Money for fixed_amount; the kind decides which (checked by the use case). */
function PromotionValueField(): PropertyDecorator {
  const isValue = (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPromotionValue',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: 'value must be an integer 1–10000 (basis points) or Money {amount: integer 1–10000000000, currency: "USD"}',
      },
      validator: {
        validate(value: unknown) {
          if (value === undefined || value === null) return true;
          if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 10_000;
          if (typeof value !== 'object' || Array.isArray(value)) return false;
          const { amount, currency, ...rest } = value as Record<string, unknown>;
          return (
            Object.keys(rest).length === 0 &&
            Number.isInteger(amount) &&
            (amount as number) >= 1 &&
            (amount as number) <= MAX_MONEY_AMOUNT &&
            typeof currency === 'string' &&
            /^[A-Z]{3}$/.test(currency)
          );
        },
      },
    });
  return applyDecorators(
    isValue,
    ApiProperty({
      required: false,
      nullable: true,
      description:
        'percentage: basis points, 1–10000 (1000 = 10 %); fixed_amount: Money in the store currency (never more than what it applies to); free_shipping: absent',
      oneOf: [{ type: 'integer', minimum: 1, maximum: 10_000 }, { $ref: getSchemaPath(MoneyRequest) }],
      example: 1000,
    }),
  );
}

const TimestampField = (name: string, description: string) =>
  applyDecorators(
    StringField({ nullable: true, maxLength: 40, format: 'date-time', description, example: '2026-12-01T00:00:00.000Z' }),
    IsISO8601({ strict: true, strictSeparator: true }, { message: `${name} must be an ISO-8601 timestamp` }),
  );

const NameField = (optional: boolean) => StringField({ optional, minLength: 1, maxLength: 100, trim: true, example: '10 % off' });
const CodeField = () =>
  StringField({
    nullable: true,
    minLength: 1,
    maxLength: 50,
    pattern: PROMOTION_CODE_PATTERN,
    patternMessage: 'code may hold letters, digits, "_" and "-"',
    description: 'Case-insensitive and unique; absent or null: automatic (applies by itself)',
    example: 'WELCOME10',
  });

class PromotionFieldsRequest {
  @CodeField()
  code?: string | null;
  @PromotionValueField()
  value?: number | MoneyRequest | null;
  @NestedField(() => MoneyRequest, { nullable: true, description: 'The subtotal (before discounts) must be at least this' })
  minSubtotal?: MoneyRequest | null;
  @NestedField(() => PromotionScopeRequest, {
    nullable: true,
    description: 'Restricts a percentage or fixed amount to these products or categories (sub-categories included); absent: everything',
  })
  appliesTo?: PromotionScopeRequest | null;
  @TimestampField('startsAt', 'Applies from (inclusive)')
  startsAt?: string | null;
  @TimestampField('endsAt', 'Applies until (exclusive); after startsAt')
  endsAt?: string | null;
  @IntField({ nullable: true, min: 1, max: MAX_USAGE_LIMIT, description: 'Uses over all customers; absent: unlimited', example: 100 })
  usageLimit?: number | null;
  @IntField({ nullable: true, min: 1, max: MAX_USAGE_LIMIT, description: 'Uses per customer; absent: unlimited', example: 1 })
  usageLimitPerCustomer?: number | null;
  @BoolField({ optional: true, description: 'Default true' })
  active?: boolean;
}

export class CreatePromotionRequest extends PromotionFieldsRequest {
  @NameField(false)
  name: string;
  @EnumField(PROMOTION_KINDS, { enumName: 'PromotionKind' })
  kind: PromotionKind;
}

/** Partial: only the fields sent change; `null` clears an optional one. Changing `kind` needs its `value`. */
export class UpdatePromotionRequest extends PromotionFieldsRequest {
  @NameField(true)
  name?: string;
  @EnumField(PROMOTION_KINDS, { optional: true, enumName: 'PromotionKind' })
  kind?: PromotionKind;
}

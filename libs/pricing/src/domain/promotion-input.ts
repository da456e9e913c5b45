import { FieldError, Money, ValidationFailedError } from '@congocart/shared/kernel';
import type { PromotionKind } from './pricing-context';
import type { Promotion, PromotionScope } from './promotion';
import { storeAmount } from './store-money';

const BASIS_POINTS = 10_000;

/** What an admin sends (create: the whole promotion; PATCH: only what changes, `null` clears). */
export interface PromotionInput {
  name?: string;
  code?: string | null;
  kind?: PromotionKind;
  /** Basis points (percentage), Money (fixed_amount), absent (free_shipping). */
  value?: number | Money | null;
  minSubtotal?: Money | null;
  appliesTo?: { productIds?: string[]; categoryIds?: string[] } | null;
  startsAt?: string | null;
  endsAt?: string | null;
  usageLimit?: number | null;
  usageLimitPerCustomer?: number | null;
  active?: boolean;
}

export type PromotionFields = Omit<Promotion, 'id' | 'timesUsed' | 'createdAt' | 'updatedAt'>;

/**
 * The promotion an input makes of `current` (null: a new one), checked as a whole: `value`
 * fits `kind` (1–10000 basis points; a positive Money in the store currency; nothing for free
 * shipping, which has no scope either) and `startsAt` is before `endsAt`. Changing `kind`
 * needs a `value` for it. Violations → 400 on the field.
 */
export function promotionFields(input: PromotionInput, current: PromotionFields | null, storeCurrency: string): PromotionFields {
  const kind = input.kind ?? current?.kind ?? 'percentage';
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });

  let value = current?.value ?? null;
  if (!current || input.value !== undefined || (input.kind !== undefined && input.kind !== current.kind)) {
    value = valueFor(kind, input.value ?? null, storeCurrency, fail);
  }
  const minSubtotal =
    input.minSubtotal === undefined
      ? (current?.minSubtotal ?? null)
      : input.minSubtotal === null
        ? null
        : storeAmount(input.minSubtotal, storeCurrency, 'minSubtotal');
  let appliesTo = input.appliesTo === undefined ? (current?.appliesTo ?? null) : scopeOf(input.appliesTo);
  if (kind === 'free_shipping' && appliesTo) {
    if (input.appliesTo !== undefined) fail('appliesTo', 'A free_shipping promotion applies to the whole order: appliesTo must be absent');
    appliesTo = null;
  }
  const startsAt = input.startsAt === undefined ? (current?.startsAt ?? null) : dateOf(input.startsAt);
  const endsAt = input.endsAt === undefined ? (current?.endsAt ?? null) : dateOf(input.endsAt);
  if (startsAt && endsAt && startsAt >= endsAt) fail('endsAt', 'endsAt must be after startsAt');
  if (errors.length) throw new ValidationFailedError(errors);

  return {
    name: input.name ?? current?.name ?? '',
    code: input.code === undefined ? (current?.code ?? null) : input.code,
    kind,
    value,
    minSubtotal,
    appliesTo,
    startsAt,
    endsAt,
    usageLimit: input.usageLimit === undefined ? (current?.usageLimit ?? null) : input.usageLimit,
    usageLimitPerCustomer:
      input.usageLimitPerCustomer === undefined ? (current?.usageLimitPerCustomer ?? null) : input.usageLimitPerCustomer,
    active: input.active ?? current?.active ?? true,
  };
}

function valueFor(
  kind: PromotionKind,
  value: number | Money | null,
  storeCurrency: string,
  fail: (field: string, message: string) => void,
): number | null {
  if (kind === 'free_shipping') {
    if (value !== null) fail('value', 'A free_shipping promotion has no value');
    return null;
  }
  if (kind === 'percentage') {
    if (typeof value !== 'number' || value < 1 || value > BASIS_POINTS) {
      fail('value', 'A percentage value is an integer in basis points, 1–10000 (1000 = 10 %)');
      return null;
    }
    return value;
  }
  if (value === null || typeof value === 'number') {
    fail('value', 'A fixed_amount value is Money {amount, currency} in the store currency');
    return null;
  }
  if (value.amount < 1) fail('value.amount', 'A fixed amount must be at least 1');
  return storeAmount(value, storeCurrency, 'value');
}

/** Repeats dropped; no ids at all is no scope. */
function scopeOf(input: { productIds?: string[]; categoryIds?: string[] } | null): PromotionScope | null {
  if (!input) return null;
  const productIds = [...new Set(input.productIds ?? [])].sort();
  const categoryIds = [...new Set(input.categoryIds ?? [])].sort();
  return productIds.length || categoryIds.length ? { productIds, categoryIds } : null;
}

function dateOf(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

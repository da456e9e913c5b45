import type { PromotionKind, PromotionToApply } from './pricing-context';
import type { VariantQuote } from './variant-quote';

export const PROMOTION_KINDS: readonly PromotionKind[] = ['percentage', 'fixed_amount', 'free_shipping'];

/** Why a promotion does not apply to an order (the `reason` of 422/409 PROMOTION_INVALID). */
export const PROMOTION_INVALID_REASONS = [
  'unknown',
  'inactive',
  'expired',
  'not_started',
  'exhausted',
  'already_used',
  'min_subtotal_not_met',
  'not_applicable',
] as const;
export type PromotionInvalidReason = (typeof PROMOTION_INVALID_REASONS)[number];

/** Letters, digits, "_" and "-"; compared case-insensitively. */
export const PROMOTION_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export interface PromotionScope {
  productIds: string[];
  /** Sub-categories included. */
  categoryIds: string[];
}

/** A promotion as the admin set it up; amounts in minor units of the store currency. */
export interface Promotion {
  id: string;
  name: string;
  /** null: automatic (applies by itself when its conditions hold). */
  code: string | null;
  kind: PromotionKind;
  /** Basis points (percentage), minor units (fixed_amount), null (free_shipping). */
  value: number | null;
  /** The order's subtotal (before discounts) must be at least this. */
  minSubtotal: number | null;
  /** null: every line. */
  appliesTo: PromotionScope | null;
  startsAt: Date | null;
  endsAt: Date | null;
  usageLimit: number | null;
  usageLimitPerCustomer: number | null;
  timesUsed: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** What decides whether a promotion holds for an order now. */
export interface PromotionFacts {
  now: Date;
  /** Line totals before discounts. */
  subtotal: number;
  /** The quotes of the order's lines. */
  quotes: VariantQuote[];
  /** How often this customer has used it (0 for a guest or a first use). */
  customerUses: number;
}

/** The first reason the promotion does not apply, or null when it does. */
export function promotionIssue(promotion: Promotion, facts: PromotionFacts): PromotionInvalidReason | null {
  if (!promotion.active) return 'inactive';
  if (promotion.startsAt && facts.now < promotion.startsAt) return 'not_started';
  if (promotion.endsAt && facts.now >= promotion.endsAt) return 'expired';
  if (promotion.usageLimit !== null && promotion.timesUsed >= promotion.usageLimit) return 'exhausted';
  if (promotion.usageLimitPerCustomer !== null && facts.customerUses >= promotion.usageLimitPerCustomer) return 'already_used';
  if (promotion.minSubtotal !== null && facts.subtotal < promotion.minSubtotal) return 'min_subtotal_not_met';
  if (scopedVariants(promotion, facts.quotes).length === 0) return 'not_applicable';
  return null;
}

/** The promotion as the pricing function takes it, its scope resolved to the order's variants. */
export function promotionToApply(promotion: Promotion, quotes: VariantQuote[]): PromotionToApply {
  return {
    promotionId: promotion.id,
    code: promotion.code,
    name: promotion.name,
    kind: promotion.kind,
    value: promotion.value ?? 0,
    variantIds: promotion.appliesTo ? new Set(scopedVariants(promotion, quotes)) : null,
    createdAt: promotion.createdAt,
  };
}

/** The variants among `quotes` the promotion applies to (all of them without a scope). */
function scopedVariants(promotion: Promotion, quotes: VariantQuote[]): string[] {
  const scope = promotion.appliesTo;
  if (!scope) return quotes.map((quote) => quote.variantId);
  const products = new Set(scope.productIds);
  const categories = new Set(scope.categoryIds);
  return quotes
    .filter((quote) => products.has(quote.productId) || quote.categoryIds.some((id) => categories.has(id)))
    .map((quote) => quote.variantId);
}

/** How codes are compared and looked up. */
export function normalizedCode(code: string): string {
  return code.trim().toLowerCase();
}

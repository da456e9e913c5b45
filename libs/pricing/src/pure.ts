// The pricing context's pure entry (`@congocart/pricing/pure`): the pricing function and its
// types, plain TypeScript with nothing but the kernel's pure entry behind it, so other contexts'
// domain code may use it (dependency-cruiser checks that transitively).
export { priceOrder } from './domain/price-order';
export type { PriceOrderInput } from './domain/price-order';
export { STANDARD_TAX_CATEGORY } from './domain/variant-quote';
export type { VariantQuote } from './domain/variant-quote';
export { plainPricing } from './domain/pricing-context';
export type { PricingContext, PromotionKind, PromotionToApply, ShippingCharge, TaxPolicy, TaxRate } from './domain/pricing-context';
export type { AppliedDiscount, LineToPrice, PriceBreakdown, PricedLine, TaxLine } from './domain/price-breakdown';
export type { Destination } from './domain/destination';
export type { ShippingMethod } from './domain/shipping-method';
export { TAX_CATEGORY_PATTERN } from './domain/tax-rate';
export { PromotionInvalidError, ShippingUnavailableError } from './domain/pricing.errors';
export { PROMOTION_INVALID_REASONS } from './domain/promotion';
export type { PromotionInvalidReason } from './domain/promotion';

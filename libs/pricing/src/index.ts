// The pricing context's public surface: pure types and functions, no Nest module.
export { priceOrder } from './domain/price-order';
export type { PriceOrderInput } from './domain/price-order';
export { STANDARD_TAX_CATEGORY } from './domain/variant-quote';
export type { VariantQuote } from './domain/variant-quote';
export { plainPricing } from './domain/pricing-context';
export type { PricingContext, PromotionKind, PromotionToApply, ShippingCharge, TaxPolicy, TaxRate } from './domain/pricing-context';
export type { AppliedDiscount, LineToPrice, PriceBreakdown, PricedLine, TaxLine } from './domain/price-breakdown';

// The pricing context's public surface: its pure entry (the pricing function, also reachable as
// `@congocart/pricing/pure` for domain code) plus the Nest side: shipping methods, tax rates and
// OrderPricing, which resolves a destination's context and runs the function for cart previews
// and checkout alike.
export * from './pure';
export { PricingModule } from './pricing.module';
export { PricingConfig } from './pricing.config';
export { OrderPricing } from './application/order-pricing.service';
export type { OrderToPrice, PricedOrder, ShippingOption } from './application/order-pricing.service';
export { PromotionRedemptions } from './application/promotion-redemptions.service';
export { ShippingMethodResponse, ShippingOptionsResponse } from './api/shipping-method.response';
export { AppliedDiscountResponse, TaxLineResponse } from './api/price-breakdown.response';
export { MoneyRequest } from './api/money.request';

import { Injectable } from '@nestjs/common';
import type { Destination } from '../domain/destination';
import type { Promotion, PromotionInvalidReason } from '../domain/promotion';
import type { PriceBreakdown, LineToPrice } from '../domain/price-breakdown';
import { priceOrder } from '../domain/price-order';
import { plainPricing, PricingContext, PromotionToApply } from '../domain/pricing-context';
import { ShippingUnavailableError } from '../domain/pricing.errors';
import { chargeOf, cheapestFirst, ShippingMethod } from '../domain/shipping-method';
import type { VariantQuote } from '../domain/variant-quote';
import { ApplicablePromotions } from './applicable-promotions';
import { ShippingMethodRepository } from './shipping-method.repository';
import { TaxCalculator } from './tax-calculator.port';

export interface OrderToPrice {
  lines: LineToPrice[];
  quotes: ReadonlyMap<string, VariantQuote>;
  currency: string;
  /** The code the shopper applied (at most one). */
  promotionCode?: string | null;
  /** Who buys (a user id; a guest: their e-mail), for per-customer limits; absent: not known yet. */
  customer?: string | null;
}

export interface ShippingOption {
  method: ShippingMethod;
  /** What this method costs for this order (0 once `freeOver` is reached). */
  price: number;
}

export interface PricedOrder {
  breakdown: PriceBreakdown;
  /** null: no destination yet (lines and discounts only, no shipping, no tax). */
  shippingMethod: ShippingMethod | null;
  pricesIncludeTax: boolean;
  /** Why the order's code does not apply now (it then gives no discount); null: it applies, or there is none. */
  promotionCodeInvalid: PromotionInvalidReason | null;
}

/**
 * Resolves what besides the lines decides a price (the promotions that hold, the shipping method
 * and the destination's tax rates) and runs the one pricing function. Cart previews and checkout
 * both come through here, so the preview is the price charged.
 */
@Injectable()
export class OrderPricing {
  constructor(
    private readonly methods: ShippingMethodRepository,
    private readonly tax: TaxCalculator,
    private readonly promotions: ApplicablePromotions,
  ) {}

  /** The active methods serving the destination's country, priced for this order (after its discounts), cheapest first. */
  async shippingOptions(order: OrderToPrice, country: string): Promise<ShippingOption[]> {
    const { promotions } = await this.promotions.resolve(order);
    return this.optionsFor(this.linesOnly(order, promotions), country);
  }

  /** Without a destination: lines and discounts only. */
  async price(order: OrderToPrice, destination: null): Promise<PricedOrder>;
  /**
   * Priced for a destination with the chosen method (default: the cheapest serving it);
   * SHIPPING_UNAVAILABLE when none serves it or the chosen one does not.
   */
  async price(order: OrderToPrice, destination: Destination, shippingMethodId?: string | null): Promise<PricedOrder>;
  async price(order: OrderToPrice, destination: Destination | null, shippingMethodId: string | null = null): Promise<PricedOrder> {
    const { promotions, codeIssue } = await this.promotions.resolve(order);
    const base = this.linesOnly(order, promotions);
    if (!destination) return { breakdown: base, shippingMethod: null, pricesIncludeTax: false, promotionCodeInvalid: codeIssue };
    const [options, tax] = await Promise.all([this.optionsFor(base, destination.country), this.tax.policyFor(destination)]);
    const chosen = shippingMethodId ? options.find((option) => option.method.id === shippingMethodId) : options[0];
    if (!chosen) throw new ShippingUnavailableError(destination.country);
    const context: PricingContext = { ...plainPricing(order.currency, chargeOf(chosen.method)), tax, promotions };
    return {
      breakdown: this.run(order, context),
      shippingMethod: chosen.method,
      pricesIncludeTax: tax.pricesIncludeTax,
      promotionCodeInvalid: codeIssue,
    };
  }

  /** The promotion a code names if it applies to this order now; 422 PROMOTION_INVALID with the reason otherwise. */
  checkPromotionCode(order: OrderToPrice, code: string): Promise<Promotion> {
    return this.promotions.checkCode(order, code);
  }

  private async optionsFor(base: PriceBreakdown, country: string): Promise<ShippingOption[]> {
    const serving = await this.methods.findServing(country);
    return cheapestFirst(serving, base.subtotal - base.discountTotal).map(({ method, fee }) => ({ method, price: fee }));
  }

  /** Lines and their discounts, no shipping, no tax. */
  private linesOnly(order: OrderToPrice, promotions: PromotionToApply[]): PriceBreakdown {
    return this.run(order, { ...plainPricing(order.currency), promotions });
  }

  private run(order: OrderToPrice, context: PricingContext): PriceBreakdown {
    return priceOrder({ lines: order.lines, quotes: order.quotes, context });
  }
}

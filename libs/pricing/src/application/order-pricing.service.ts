import { Injectable } from '@nestjs/common';
import type { Destination } from '../domain/destination';
import type { PriceBreakdown, LineToPrice } from '../domain/price-breakdown';
import { priceOrder } from '../domain/price-order';
import { plainPricing, PricingContext } from '../domain/pricing-context';
import { ShippingUnavailableError } from '../domain/pricing.errors';
import { chargeOf, cheapestFirst, ShippingMethod } from '../domain/shipping-method';
import type { VariantQuote } from '../domain/variant-quote';
import { ShippingMethodRepository } from './shipping-method.repository';
import { TaxCalculator } from './tax-calculator.port';

export interface OrderToPrice {
  lines: LineToPrice[];
  quotes: ReadonlyMap<string, VariantQuote>;
  currency: string;
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
}

/**
 * Resolves what besides the lines decides a price (the shipping method and the destination's tax
 * rates; promotions will join here) and runs the one pricing function. Cart previews and checkout
 * both come through here, so the preview is the price charged.
 */
@Injectable()
export class OrderPricing {
  constructor(
    private readonly methods: ShippingMethodRepository,
    private readonly tax: TaxCalculator,
  ) {}

  /** The active methods serving the destination's country, priced for this order, cheapest first. */
  async shippingOptions(order: OrderToPrice, country: string): Promise<ShippingOption[]> {
    const base = this.linesOnly(order);
    const serving = await this.methods.findServing(country);
    return cheapestFirst(serving, base.subtotal - base.discountTotal).map(({ method, fee }) => ({ method, price: fee }));
  }

  /** Without a destination: lines and discounts only. */
  async price(order: OrderToPrice, destination: null): Promise<PricedOrder>;
  /**
   * Priced for a destination with the chosen method (default: the cheapest serving it);
   * SHIPPING_UNAVAILABLE when none serves it or the chosen one does not.
   */
  async price(order: OrderToPrice, destination: Destination, shippingMethodId?: string | null): Promise<PricedOrder>;
  async price(order: OrderToPrice, destination: Destination | null, shippingMethodId: string | null = null): Promise<PricedOrder> {
    if (!destination) return { breakdown: this.linesOnly(order), shippingMethod: null, pricesIncludeTax: false };
    const [options, tax] = await Promise.all([this.shippingOptions(order, destination.country), this.tax.policyFor(destination)]);
    const chosen = shippingMethodId ? options.find((option) => option.method.id === shippingMethodId) : options[0];
    if (!chosen) throw new ShippingUnavailableError(destination.country);
    const context: PricingContext = { ...plainPricing(order.currency, chargeOf(chosen.method)), tax };
    return { breakdown: this.run(order, context), shippingMethod: chosen.method, pricesIncludeTax: tax.pricesIncludeTax };
  }

  private linesOnly(order: OrderToPrice): PriceBreakdown {
    return this.run(order, plainPricing(order.currency));
  }

  private run(order: OrderToPrice, context: PricingContext): PriceBreakdown {
    return priceOrder({ lines: order.lines, quotes: order.quotes, context });
  }
}

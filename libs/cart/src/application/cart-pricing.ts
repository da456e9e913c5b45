import { Injectable } from '@nestjs/common';
import { OrderPricing, OrderToPrice, ShippingOption, ShippingUnavailableError } from '@congocart/pricing';
import { PlatformConfig } from '@congocart/shared';
import type { CartLine, VariantFacts } from '../domain/cart-line';
import { cartQuotes, CartView, cartView } from '../domain/cart-view';
import type { CartHeader } from './cart.repository';

/**
 * Prices a cart through pricing's OrderPricing, the service checkout uses, so the estimate for a
 * destination (cheapest shipping option, its tax) is what checkout charges for the same cart.
 */
@Injectable()
export class CartPricing {
  constructor(
    private readonly pricing: OrderPricing,
    private readonly platform: PlatformConfig,
  ) {}

  async view(cart: CartHeader, lines: CartLine[], facts: VariantFacts): Promise<CartView> {
    const order = this.orderOf(lines, facts);
    if (cart.shippingCountry) {
      try {
        const priced = await this.pricing.price(order, { country: cart.shippingCountry, region: cart.shippingRegion });
        return cartView(cart, lines, facts, priced.breakdown, true);
      } catch (error) {
        // Nothing ships there (now): the cart shows no estimate; checkout will say SHIPPING_UNAVAILABLE.
        if (!(error instanceof ShippingUnavailableError)) throw error;
      }
    }
    return cartView(cart, lines, facts, (await this.pricing.price(order, null)).breakdown, false);
  }

  shippingOptions(lines: CartLine[], facts: VariantFacts, country: string): Promise<ShippingOption[]> {
    return this.pricing.shippingOptions(this.orderOf(lines, facts), country);
  }

  private orderOf(lines: CartLine[], facts: VariantFacts): OrderToPrice {
    const currency = this.platform.currency;
    return { lines, quotes: cartQuotes(lines, facts, currency), currency };
  }
}

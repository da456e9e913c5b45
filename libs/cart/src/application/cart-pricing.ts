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
    const order = this.orderOf(lines, facts, cart);
    if (cart.shippingCountry) {
      try {
        const priced = await this.pricing.price(order, { country: cart.shippingCountry, region: cart.shippingRegion });
        return cartView(cart, lines, facts, priced.breakdown, true, priced.promotionCodeInvalid);
      } catch (error) {
        // Nothing ships there (now): the cart shows no estimate; checkout will say SHIPPING_UNAVAILABLE.
        if (!(error instanceof ShippingUnavailableError)) throw error;
      }
    }
    const priced = await this.pricing.price(order, null);
    return cartView(cart, lines, facts, priced.breakdown, false, priced.promotionCodeInvalid);
  }

  shippingOptions(lines: CartLine[], facts: VariantFacts, country: string, cart?: CartHeader): Promise<ShippingOption[]> {
    return this.pricing.shippingOptions(this.orderOf(lines, facts, cart), country);
  }

  /** The promotion's code (as the admin spelt it) if it applies to this cart now; 422 PROMOTION_INVALID with the reason otherwise. */
  async checkPromotionCode(cart: CartHeader, lines: CartLine[], facts: VariantFacts, code: string): Promise<string> {
    const promotion = await this.pricing.checkPromotionCode(this.orderOf(lines, facts, cart), code);
    return promotion.code ?? code;
  }

  private orderOf(lines: CartLine[], facts: VariantFacts, cart?: CartHeader): OrderToPrice {
    const currency = this.platform.currency;
    return {
      lines,
      quotes: cartQuotes(lines, facts, currency),
      currency,
      promotionCode: cart?.promotionCode ?? null,
      customer: cart?.customerId ?? null,
    };
  }
}

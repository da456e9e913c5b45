import { Injectable } from '@nestjs/common';
import type { ShippingOption } from '@congocart/pricing';
import { CartAccess } from './cart-access';
import type { CartHolder } from './cart-holder';
import { CartPricing } from './cart-pricing';
import { VariantFactsLookup } from './variant-facts.lookup';

/** The shipping methods serving a country, priced for this cart (free-over thresholds applied), cheapest first. */
@Injectable()
export class ListShippingOptions {
  constructor(
    private readonly access: CartAccess,
    private readonly facts: VariantFactsLookup,
    private readonly pricing: CartPricing,
  ) {}

  async execute(holder: CartHolder, country: string): Promise<ShippingOption[]> {
    const { cart, lines } = await this.access.read(holder);
    const facts = await this.facts.forVariants(lines.map((line) => line.variantId));
    return this.pricing.shippingOptions(lines, facts, country, cart);
  }
}

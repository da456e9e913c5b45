import { Injectable } from '@nestjs/common';
import type { CartView } from '../domain/cart-view';
import { CartPricing } from './cart-pricing';
import { CartAccess } from './cart-access';
import type { CartHolder } from './cart-holder';
import { VariantFactsLookup } from './variant-facts.lookup';

/**
 * Reads a cart priced now. A bounded number of queries whatever its size: the cart with its
 * lines, one catalog lookup and one stock lookup. No transaction: every statement stands alone.
 */
@Injectable()
export class GetCart {
  constructor(
    private readonly access: CartAccess,
    private readonly facts: VariantFactsLookup,
    private readonly pricing: CartPricing,
  ) {}

  async execute(holder: CartHolder): Promise<CartView> {
    const { cart, lines } = await this.access.read(holder);
    const facts = await this.facts.forVariants(lines.map((line) => line.variantId));
    return await this.pricing.view(cart, lines, facts);
  }
}

import { Injectable } from '@nestjs/common';
import { Transactional } from '@congocart/shared';
import type { CartView } from '../domain/cart-view';
import { CartAccess } from './cart-access';
import type { CartHolder } from './cart-holder';
import { CartPricing } from './cart-pricing';
import { CartRepository } from './cart.repository';
import { VariantFactsLookup } from './variant-facts.lookup';

/** Tells the cart where it ships, so it can show the shipping and tax estimate. */
@Injectable()
export class SetCartDestination {
  constructor(
    private readonly access: CartAccess,
    private readonly carts: CartRepository,
    private readonly facts: VariantFactsLookup,
    private readonly pricing: CartPricing,
  ) {}

  @Transactional()
  async execute(holder: CartHolder, destination: { country: string; region?: string }): Promise<CartView> {
    const locked = await this.access.lock(holder);
    const cart = await this.carts.setDestination(locked.id, destination.country, destination.region ?? null);
    const lines = await this.carts.linesOf(cart.id);
    return this.pricing.view(cart, lines, await this.facts.forVariants(lines.map((line) => line.variantId)));
  }
}

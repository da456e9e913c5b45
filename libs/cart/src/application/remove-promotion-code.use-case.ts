import { Injectable } from '@nestjs/common';
import { Transactional } from '@congocart/shared';
import type { CartView } from '../domain/cart-view';
import { CartAccess } from './cart-access';
import type { CartHolder } from './cart-holder';
import { CartPricing } from './cart-pricing';
import { CartRepository } from './cart.repository';
import { VariantFactsLookup } from './variant-facts.lookup';

/** Takes the promotion code off the cart (nothing to take off is fine too). */
@Injectable()
export class RemovePromotionCode {
  constructor(
    private readonly access: CartAccess,
    private readonly carts: CartRepository,
    private readonly facts: VariantFactsLookup,
    private readonly pricing: CartPricing,
  ) {}

  @Transactional()
  async execute(holder: CartHolder): Promise<CartView> {
    const locked = await this.access.lock(holder);
    const cart = await this.carts.setPromotionCode(locked.id, null);
    const lines = await this.carts.linesOf(cart.id);
    return this.pricing.view(cart, lines, await this.facts.forVariants(lines.map((line) => line.variantId)));
  }
}

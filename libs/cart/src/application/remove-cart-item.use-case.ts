import { Injectable } from '@nestjs/common';
import { NotFoundError, Transactional } from '@congocart/shared';
import type { CartView } from '../domain/cart-view';
import { CartPricing } from './cart-pricing';
import { CartAccess } from './cart-access';
import type { CartHolder } from './cart-holder';
import { CartRepository } from './cart.repository';
import { VariantFactsLookup } from './variant-facts.lookup';

/** Removes one line; an id that is not a line of this cart (e.g. someone else's) is a 404. */
@Injectable()
export class RemoveCartItem {
  constructor(
    private readonly access: CartAccess,
    private readonly carts: CartRepository,
    private readonly facts: VariantFactsLookup,
    private readonly pricing: CartPricing,
  ) {}

  @Transactional()
  async execute(holder: CartHolder, itemId: string): Promise<CartView> {
    const cart = await this.access.lock(holder);
    if (!(await this.carts.removeLine(cart.id, itemId))) throw new NotFoundError('Cart item');
    const lines = await this.carts.linesOf(cart.id);
    const facts = await this.facts.forVariants(lines.map((line) => line.variantId));
    return await this.pricing.view(cart, lines, facts);
  }
}

import { Injectable } from '@nestjs/common';
import { NotFoundError, Transactional } from '@congocart/shared';
import { checkQuantityChange } from '../domain/cart-line.rules';
import type { CartView } from '../domain/cart-view';
import { CartPricing } from './cart-pricing';
import { CartAccess } from './cart-access';
import type { CartHolder } from './cart-holder';
import { CartRepository } from './cart.repository';
import { VariantFactsLookup } from './variant-facts.lookup';

/** Sets a line's quantity; the shopper has now seen the current price, so priceChanged resets. */
@Injectable()
export class ChangeCartItemQuantity {
  constructor(
    private readonly access: CartAccess,
    private readonly carts: CartRepository,
    private readonly facts: VariantFactsLookup,
    private readonly pricing: CartPricing,
  ) {}

  @Transactional()
  async execute(holder: CartHolder, itemId: string, quantity: number): Promise<CartView> {
    const cart = await this.access.lock(holder);
    const lines = await this.carts.linesOf(cart.id);
    const line = lines.find((candidate) => candidate.id === itemId);
    if (!line) throw new NotFoundError('Cart item');
    const facts = await this.facts.forVariants(lines.map((candidate) => candidate.variantId));
    checkQuantityChange(line, quantity, facts);
    const saved = await this.carts.setLineQuantity(cart.id, itemId, quantity, facts.quotes.get(line.variantId)!.unitPrice.amount);
    if (!saved) throw new NotFoundError('Cart item');
    const updated = lines.map((candidate) => (candidate.id === itemId ? saved : candidate));
    return await this.pricing.view(cart, updated, facts);
  }
}

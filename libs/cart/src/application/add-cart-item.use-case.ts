import { Injectable } from '@nestjs/common';
import { Transactional } from '@congocart/shared';
import { checkAddition } from '../domain/cart-line.rules';
import type { CartView } from '../domain/cart-view';
import { CartPricing } from './cart-pricing';
import { CartAccess } from './cart-access';
import type { CartHolder } from './cart-holder';
import { CartRepository } from './cart.repository';
import { VariantFactsLookup } from './variant-facts.lookup';

/**
 * Adds units of a variant (a new line, or more of an existing one). The cart row is locked
 * first, so parallel additions queue and each sees the last one's result; the write itself
 * is an atomic upsert that adds to the stored quantity.
 */
@Injectable()
export class AddCartItem {
  constructor(
    private readonly access: CartAccess,
    private readonly carts: CartRepository,
    private readonly facts: VariantFactsLookup,
    private readonly pricing: CartPricing,
  ) {}

  @Transactional()
  async execute(holder: CartHolder, input: { variantId: string; quantity: number }): Promise<CartView> {
    const cart = await this.access.lock(holder);
    const lines = await this.carts.linesOf(cart.id);
    const facts = await this.facts.forVariants([...lines.map((line) => line.variantId), input.variantId]);
    checkAddition(lines, input.variantId, input.quantity, facts);
    const price = facts.quotes.get(input.variantId)!.unitPrice.amount;
    const saved = await this.carts.addToLine(cart.id, input.variantId, input.quantity, price);
    const index = lines.findIndex((line) => line.variantId === saved.variantId);
    const updated = index >= 0 ? lines.map((line, at) => (at === index ? saved : line)) : [...lines, saved];
    return await this.pricing.view(cart, updated, facts);
  }
}

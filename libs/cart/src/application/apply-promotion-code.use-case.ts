import { Injectable } from '@nestjs/common';
import { Transactional } from '@congocart/shared';
import type { CartView } from '../domain/cart-view';
import { CartAccess } from './cart-access';
import type { CartHolder } from './cart-holder';
import { CartPricing } from './cart-pricing';
import { CartRepository } from './cart.repository';
import { VariantFactsLookup } from './variant-facts.lookup';

/**
 * Applies a promotion code to the cart, replacing the one it had (at most one per cart). A code
 * that does not apply to the cart now → 422 PROMOTION_INVALID with the reason, and the cart
 * keeps what it had.
 */
@Injectable()
export class ApplyPromotionCode {
  constructor(
    private readonly access: CartAccess,
    private readonly carts: CartRepository,
    private readonly facts: VariantFactsLookup,
    private readonly pricing: CartPricing,
  ) {}

  @Transactional()
  async execute(holder: CartHolder, code: string): Promise<CartView> {
    const locked = await this.access.lock(holder);
    const customerId = 'customerId' in holder ? holder.customerId : null;
    const lines = await this.carts.linesOf(locked.id);
    const facts = await this.facts.forVariants(lines.map((line) => line.variantId));
    const canonical = await this.pricing.checkPromotionCode({ ...locked, customerId }, lines, facts, code);
    const cart = await this.carts.setPromotionCode(locked.id, canonical);
    return this.pricing.view({ ...cart, customerId }, lines, facts);
  }
}

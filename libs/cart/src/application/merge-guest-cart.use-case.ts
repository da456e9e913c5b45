import { Injectable } from '@nestjs/common';
import { Transactional } from '@congocart/shared';
import { CappedLine, planMerge } from '../domain/cart-line.rules';
import type { CartView } from '../domain/cart-view';
import { CartPricing } from './cart-pricing';
import { CartAccess } from './cart-access';
import { CartRepository } from './cart.repository';
import { VariantFactsLookup } from './variant-facts.lookup';

/**
 * Moves a guest cart's lines into the signed-in customer's cart and retires (deletes) the guest
 * cart, in one transaction; its promotion code and destination go along where the customer's
 * cart has none. The guest cart is locked before the customer's, and no other path
 * locks them the other way round, so merges cannot deadlock; a second merge finds nothing (404).
 */
@Injectable()
export class MergeGuestCart {
  constructor(
    private readonly access: CartAccess,
    private readonly carts: CartRepository,
    private readonly facts: VariantFactsLookup,
    private readonly pricing: CartPricing,
  ) {}

  @Transactional()
  async execute(customerId: string, guest: { cartId: string; token: string }): Promise<CartView & { capped: CappedLine[] }> {
    const guestCart = await this.access.lock({ guestCartId: guest.cartId, token: guest.token });
    let cart = await this.carts.lockCustomerCart(customerId);
    const guestLines = await this.carts.linesOf(guestCart.id);
    const lines = await this.carts.linesOf(cart.id);
    const facts = await this.facts.forVariants([...lines, ...guestLines].map((line) => line.variantId));
    const { additions, capped } = planMerge(lines, guestLines, facts);
    await this.carts.addToLines(cart.id, additions);
    // What the shopper chose as a guest survives signing in, unless their own cart already says otherwise.
    if (guestCart.promotionCode && !cart.promotionCode) cart = await this.carts.setPromotionCode(cart.id, guestCart.promotionCode);
    if (guestCart.shippingCountry && !cart.shippingCountry)
      cart = await this.carts.setDestination(cart.id, guestCart.shippingCountry, guestCart.shippingRegion);
    await this.carts.deleteCart(guestCart.id);
    const merged = additions.length ? await this.carts.linesOf(cart.id) : lines;
    return { ...(await this.pricing.view(cart, merged, facts)), capped };
  }
}

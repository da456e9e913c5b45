import { Injectable } from '@nestjs/common';
import { CartRepository } from './cart.repository';
import { CartForCheckout, CheckoutCart } from './checkout-cart.port';

/** CheckoutCart for the ordering context; runs in the caller's transaction. */
@Injectable()
export class CheckoutCartService extends CheckoutCart {
  constructor(private readonly carts: CartRepository) {
    super();
  }

  async lockActiveCart(customerId: string): Promise<CartForCheckout | null> {
    const cart = await this.carts.lockActiveCustomerCart(customerId);
    if (!cart) return null;
    const lines = await this.carts.linesOf(cart.id);
    // Sorted by variant id: the order inventory locks stock rows in.
    const sorted = [...lines].sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
    return {
      cartId: cart.id,
      lines: sorted.map((line) => ({ variantId: line.variantId, quantity: line.quantity })),
      promotionCode: cart.promotionCode ?? null,
    };
  }

  async close(cartId: string): Promise<void> {
    await this.carts.markCheckedOut(cartId);
  }
}

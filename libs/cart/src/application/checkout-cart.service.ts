import { Injectable } from '@nestjs/common';
import { CartAccess } from './cart-access';
import { CartHeader, CartRepository } from './cart.repository';
import { CartForCheckout, CheckoutCart } from './checkout-cart.port';

/** CheckoutCart for the ordering context; runs in the caller's transaction. */
@Injectable()
export class CheckoutCartService extends CheckoutCart {
  constructor(
    private readonly carts: CartRepository,
    private readonly access: CartAccess,
  ) {
    super();
  }

  async lockActiveCart(customerId: string): Promise<CartForCheckout | null> {
    const cart = await this.carts.lockActiveCustomerCart(customerId);
    if (!cart) return null;
    return this.withLines(cart);
  }

  async lockGuestCart(cartId: string, token: string | undefined): Promise<CartForCheckout> {
    const cart = await this.access.lock({ guestCartId: cartId, token });
    return this.withLines(cart);
  }

  private async withLines(cart: CartHeader): Promise<CartForCheckout> {
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

import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@congocart/shared';
import { CartConfig } from '../cart.config';
import type { CartLine } from '../domain/cart-line';
import { GuestCartToken } from '../domain/guest-cart-token';
import type { CartHolder } from './cart-holder';
import { CartHeader, CartRepository, GuestCartHeader } from './cart.repository';

/**
 * Resolves the cart a holder may use. A guest cart that is unknown, expired, or presented with
 * a missing or wrong token is a 404: the response never tells which.
 */
@Injectable()
export class CartAccess {
  constructor(
    private readonly carts: CartRepository,
    private readonly config: CartConfig,
  ) {}

  /** The cart and its lines, without locking; a customer's first read creates their cart. */
  async read(holder: CartHolder): Promise<{ cart: CartHeader; lines: CartLine[] }> {
    if ('customerId' in holder) {
      const found = await this.carts.findCustomerCartWithLines(holder.customerId);
      return found ?? { cart: await this.carts.openCustomerCart(holder.customerId), lines: [] };
    }
    const cart = this.verified(await this.carts.findGuestCart(holder.guestCartId, this.config.guestCartTtlHours), holder.token);
    return { cart, lines: await this.carts.linesOf(cart.id) };
  }

  /** For changes: the cart row stays locked until the transaction ends, so changes to one cart queue up. */
  async lock(holder: CartHolder): Promise<CartHeader> {
    if ('customerId' in holder) return this.carts.lockCustomerCart(holder.customerId);
    return this.verified(await this.carts.lockGuestCart(holder.guestCartId, this.config.guestCartTtlHours), holder.token);
  }

  private verified(cart: GuestCartHeader | null, token: string | undefined): CartHeader {
    if (!cart || !GuestCartToken.matches(token, cart.tokenHash)) throw new NotFoundError('Cart');
    return {
      id: cart.id,
      updatedAt: cart.updatedAt,
      shippingCountry: cart.shippingCountry,
      shippingRegion: cart.shippingRegion,
      customerId: null,
      promotionCode: cart.promotionCode ?? null,
    };
  }
}

import type { StockLine } from '@congocart/inventory';

export interface CartForCheckout {
  cartId: string;
  lines: StockLine[];
  /** The promotion code applied to the cart, if any (checkout refuses it when it no longer holds). */
  promotionCode?: string | null;
}

/** Cart's public API for checkout; both methods run in the caller's ambient transaction. */
export abstract class CheckoutCart {
  /** Locks the customer's active cart (SELECT … FOR UPDATE) and returns its lines; null when they have none. */
  abstract lockActiveCart(customerId: string): Promise<CartForCheckout | null>;
  /**
   * Locks a guest cart for its token's holder and returns its lines. Unknown, expired, already
   * checked out, or a missing or wrong token → 404 (NotFoundError 'Cart'), as on every guest-cart route.
   */
  abstract lockGuestCart(cartId: string, token: string | undefined): Promise<CartForCheckout>;
  /** Closes the cart after a successful checkout: the customer's next cart starts empty. */
  abstract close(cartId: string): Promise<void>;
}

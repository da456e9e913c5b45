import type { CartLine } from '../domain/cart-line';

/** The cart row itself: id, when it last changed, where it ships (once the shopper said) and the promotion code applied. */
export interface CartHeader {
  id: string;
  updatedAt: Date;
  shippingCountry: string | null;
  shippingRegion: string | null;
  /** null for a guest cart. */
  customerId?: string | null;
  promotionCode?: string | null;
}

export interface GuestCartHeader extends CartHeader {
  tokenHash: Buffer;
}

/** Storage of carts and their lines. Every method joins the ambient transaction. */
export abstract class CartRepository {
  /** The customer's active cart and its lines in one read; null when they have no active cart. */
  abstract findCustomerCartWithLines(customerId: string): Promise<{ cart: CartHeader; lines: CartLine[] } | null>;
  /** The customer's active cart, created when they have none; safe against parallel first use. */
  abstract openCustomerCart(customerId: string): Promise<CartHeader>;
  /** Like openCustomerCart, but locks the row (FOR UPDATE) for the transaction and marks it changed. */
  abstract lockCustomerCart(customerId: string): Promise<CartHeader>;
  /** The customer's active cart locked FOR UPDATE, without creating or touching one. */
  abstract lockActiveCustomerCart(customerId: string): Promise<CartHeader | null>;
  /** An active guest cart changed within the last `ttlHours`; null when absent or expired. */
  abstract findGuestCart(cartId: string, ttlHours: number): Promise<GuestCartHeader | null>;
  /** Like findGuestCart, but locks the row for the transaction and marks it changed. */
  abstract lockGuestCart(cartId: string, ttlHours: number): Promise<GuestCartHeader | null>;
  abstract createGuestCart(tokenHash: Buffer): Promise<string>;
  /** Lines in the order they were first added. */
  abstract linesOf(cartId: string): Promise<CartLine[]>;
  /** Adds units to the variant's line, creating it if needed, in one atomic upsert; records the price seen. */
  abstract addToLine(cartId: string, variantId: string, quantity: number, unitPrice: number): Promise<CartLine>;
  /** Several addToLine in one statement. */
  abstract addToLines(cartId: string, additions: { variantId: string; quantity: number; unitPrice: number }[]): Promise<void>;
  abstract setLineQuantity(cartId: string, itemId: string, quantity: number, unitPrice: number): Promise<CartLine | null>;
  /** False when the cart has no such line. */
  abstract removeLine(cartId: string, itemId: string): Promise<boolean>;
  abstract removeAllLines(cartId: string): Promise<void>;
  abstract deleteCart(cartId: string): Promise<void>;
  abstract markCheckedOut(cartId: string): Promise<void>;
  /** Sets where the cart ships (region null: none); the caller holds the cart's lock. */
  abstract setDestination(cartId: string, country: string, region: string | null): Promise<CartHeader>;
  /** Sets (null: removes) the promotion code; the caller holds the cart's lock. */
  abstract setPromotionCode(cartId: string, code: string | null): Promise<CartHeader>;
  /** Deletes up to `limit` guest carts unchanged for `ttlHours`, skipping carts in use; returns how many. */
  abstract deleteIdleGuestCarts(ttlHours: number, limit: number): Promise<number>;
}

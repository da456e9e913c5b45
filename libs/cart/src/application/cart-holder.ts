/** Who is acting on a cart: a signed-in customer (their active cart) or the holder of a guest cart's token. */
export type CartHolder = { customerId: string } | { guestCartId: string; token: string | undefined };

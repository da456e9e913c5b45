/** A cart holds at most this many lines (distinct variants). */
export const MAX_CART_LINES = 100;
/** A line holds between 1 and this many units. */
export const MAX_LINE_QUANTITY = 99;

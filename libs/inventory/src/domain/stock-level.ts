/** Units of one variant: `available` is what may still be promised to shoppers. */
export interface StockLevel {
  variantId: string;
  onHand: number;
  reserved: number;
  available: number;
}

/** The database stores counts as PostgreSQL `integer`. */
export const MAX_ON_HAND = 2_147_483_647;

/** The largest single manual adjustment, either way (a typo guard, not a business limit). */
export const MAX_ADJUSTMENT = 1_000_000;

export function stockLevel(variantId: string, onHand: number, reserved: number): StockLevel {
  return { variantId, onHand, reserved, available: onHand - reserved };
}

/** Whether a change of available units makes a variant run out or come back. */
export function inStockFlips(availableBefore: number, availableAfter: number): boolean {
  return availableBefore > 0 !== availableAfter > 0;
}

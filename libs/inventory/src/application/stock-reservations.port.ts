import type { StockLine } from '../domain/stock-line';

export type { StockLine, ShortLine } from '../domain/stock-line';

/**
 * Reservation API for checkout and orders. Every method runs inside the caller's ambient
 * transaction; each row changes through one conditional UPDATE (never read-modify-write) and
 * rows are touched in variantId order so concurrent callers cannot deadlock.
 */
export abstract class StockReservations {
  /** All or nothing: throws InsufficientStockError listing every short line (the caller's transaction then rolls back). */
  abstract reserve(lines: StockLine[], reference: string): Promise<void>;
  /** Gives reserved units back (cancel, expiry). */
  abstract release(lines: StockLine[], reference: string): Promise<void>;
  /** Units leave the building (fulfilment): onHand and reserved both fall. */
  abstract commit(lines: StockLine[], reference: string): Promise<void>;
  /** Units come back on hand (refund with restock). */
  abstract restock(lines: StockLine[], reference: string, actorId: string | null): Promise<void>;
}

/** Read side for catalog and cart: available = onHand − reserved, 0 for an unknown variant. */
export abstract class InventoryAvailability {
  abstract availableFor(variantIds: string[]): Promise<Map<string, number>>;
}

/** Catalog calls this in its transaction when it creates a variant: every variant has a stock level. */
export abstract class StockLevels {
  abstract createFor(variantId: string): Promise<void>;
}

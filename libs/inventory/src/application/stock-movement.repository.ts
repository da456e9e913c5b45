import type { StockMovement } from '../domain/stock-movement';

/** Keyset position in a variant's movements, newest first: the last row's `createdAt` (µs text) and id. */
export interface MovementPosition {
  createdAt: string;
  id: string;
}

export interface MovementRow extends StockMovement {
  /** createdAt at full database precision (microseconds), for the cursor. */
  position: MovementPosition;
}

export abstract class StockMovementRepository {
  /** Up to `limit` movements of the variant after `after`, ordered by (createdAt desc, id desc). */
  abstract newestFirst(variantId: string, after: MovementPosition | null, limit: number): Promise<MovementRow[]>;
}

import type { StockLine } from '../domain/stock-line';
import type { StockLevel } from '../domain/stock-level';

/** A movement that changes one stock row; the row and its movement are written in one statement. */
export interface RowChange {
  line: StockLine;
  reference: string;
  actorId: string | null;
}

/**
 * Stock rows. Every write is one conditional statement that changes the row and appends its
 * movement together, inside the ambient transaction; `false`/`null` means the condition refused it.
 */
export abstract class StockLevelRepository {
  abstract find(variantId: string): Promise<StockLevel | null>;
  /** Inserts a level at 0/0 unless one exists. */
  abstract createFor(variantId: string): Promise<void>;
  /** available for each id (0 for ids without a level), in one query. */
  abstract availableFor(variantIds: string[]): Promise<Map<string, number>>;
  /** on_hand += delta when the result stays within [reserved, MAX_ON_HAND]; null when refused or unknown. */
  abstract adjust(variantId: string, delta: number, reason: string, actorId: string): Promise<StockLevel | null>;
  /** reserved += quantity when that many are available. */
  abstract reserve(change: RowChange): Promise<boolean>;
  /** reserved −= quantity when that many are reserved. */
  abstract release(change: RowChange): Promise<boolean>;
  /** on_hand and reserved −= quantity when that many are reserved. */
  abstract commit(change: RowChange): Promise<boolean>;
  /** on_hand += quantity unless that overflows. */
  abstract restock(change: RowChange): Promise<boolean>;
}

import type { StockLine } from '../domain/stock-line';
import type { StockLevel } from '../domain/stock-level';

export type RowOperation = 'reserve' | 'release' | 'commit' | 'restock';

/** A movement of several stock rows: lines normalised (one per variant, in variantId order). */
export interface RowsChange {
  operation: RowOperation;
  lines: StockLine[];
  reference: string;
  actorId: string | null;
}

export interface RowsChanged {
  /** Every row changed (each with its movement), or, when one row's condition refused, none. */
  changed: boolean;
  /** What each locked row had available before the change (variants without a row are absent). */
  available: Map<string, number>;
  /** The lines whose condition did not hold (or that have no row). */
  refused: StockLine[];
}

/**
 * Stock rows. Every write is one conditional statement that changes the rows and appends their
 * movements together, inside the ambient transaction; `false`/`null` means the condition refused it.
 */
export abstract class StockLevelRepository {
  abstract find(variantId: string): Promise<StockLevel | null>;
  /** Inserts a level at 0/0 unless one exists. */
  abstract createFor(variantId: string): Promise<void>;
  /** available for each id (0 for ids without a level), in one query. */
  abstract availableFor(variantIds: string[]): Promise<Map<string, number>>;
  /** on_hand += delta when the result stays within [reserved, MAX_ON_HAND]; null when refused or unknown. */
  abstract adjust(variantId: string, delta: number, reason: string, actorId: string): Promise<StockLevel | null>;
  /**
   * All lines in ONE statement, all or nothing: the rows locked in variantId order, then each
   * changed when its condition holds for every one of them — reserve: that many available;
   * release and commit: that many reserved (commit also takes them off on hand); restock: no overflow.
   */
  abstract changeAll(change: RowsChange): Promise<RowsChanged>;
}

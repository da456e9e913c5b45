import { Injectable } from '@nestjs/common';
import { Propagation, TransactionHost } from '@congocart/shared';
import { InsufficientStockError } from '../domain/insufficient-stock.error';
import type { ShortLine, StockLine } from '../domain/stock-line';
import { StockLedgerMismatchError } from '../domain/stock-errors';
import { normaliseStockLines } from '../domain/stock-lines';
import { AvailabilityChanges } from './availability-changes';
import { RowChange, StockLevelRepository } from './stock-level.repository';
import { StockReservations } from './stock-reservations.port';

type RowOperation = 'release' | 'commit' | 'restock';

/**
 * The reservation API on top of the stock rows: lines merged and visited in variantId order,
 * one conditional statement per row, all inside the caller's transaction.
 */
@Injectable()
export class LedgerStockReservations extends StockReservations {
  constructor(
    private readonly levels: StockLevelRepository,
    private readonly txHost: TransactionHost,
    private readonly availability: AvailabilityChanges,
  ) {
    super();
  }

  async reserve(lines: StockLine[], reference: string): Promise<void> {
    const wanted = this.prepare('reserve', lines);
    if (!wanted.length) return;
    // A savepoint: a refused call leaves nothing reserved even if the caller catches the error.
    await this.txHost.withTransaction(Propagation.Nested, async () => {
      let refused: StockLine | undefined;
      let visited = 0;
      while (visited < wanted.length && !refused) {
        const line = wanted[visited++];
        if (!(await this.levels.reserve({ line, reference, actorId: null }))) refused = line;
      }
      if (refused) throw new InsufficientStockError(await this.shortLines(refused, wanted.slice(visited)));
    });
    await this.availability.changed();
  }

  release(lines: StockLine[], reference: string): Promise<void> {
    return this.applyEach('release', lines, reference, null);
  }

  commit(lines: StockLine[], reference: string): Promise<void> {
    return this.applyEach('commit', lines, reference, null);
  }

  restock(lines: StockLine[], reference: string, actorId: string | null): Promise<void> {
    return this.applyEach('restock', lines, reference, actorId);
  }

  private async applyEach(operation: RowOperation, lines: StockLine[], reference: string, actorId: string | null): Promise<void> {
    const prepared = this.prepare(operation, lines);
    for (const line of prepared) {
      const change: RowChange = { line, reference, actorId };
      if (!(await this.levels[operation](change))) {
        throw new StockLedgerMismatchError(operation, line.variantId, line.quantity, reference);
      }
    }
    // A commit takes the units off both on-hand and reserved: what is available stays the same.
    if (prepared.length && operation !== 'commit') await this.availability.changed();
  }

  /** Every short line: the refused one and, without locking them, the unvisited ones that could not be served either. */
  private async shortLines(refused: StockLine, unvisited: StockLine[]): Promise<ShortLine[]> {
    const candidates = [refused, ...unvisited];
    const available = await this.levels.availableFor(candidates.map((line) => line.variantId));
    return candidates
      .map((line) => ({ variantId: line.variantId, requested: line.quantity, available: available.get(line.variantId) ?? 0 }))
      .filter((line) => line.variantId === refused.variantId || line.requested > line.available);
  }

  private prepare(operation: string, lines: StockLine[]): StockLine[] {
    // Outside a transaction each row would commit on its own: no all-or-nothing, no rollback.
    if (!this.txHost.isTransactionActive()) {
      throw new Error(`StockReservations.${operation} must run inside the caller's transaction (@Transactional)`);
    }
    return normaliseStockLines(lines);
  }
}

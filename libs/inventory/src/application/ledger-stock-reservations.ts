import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@congocart/shared';
import { InsufficientStockError } from '../domain/insufficient-stock.error';
import type { StockLine } from '../domain/stock-line';
import { inStockFlips } from '../domain/stock-level';
import { StockLedgerMismatchError } from '../domain/stock-errors';
import { normaliseStockLines } from '../domain/stock-lines';
import { AvailabilityChanges } from './availability-changes';
import { RowOperation, StockLevelRepository } from './stock-level.repository';
import { StockReservations } from './stock-reservations.port';

/**
 * The reservation API on top of the stock rows: lines merged and sorted by variantId, every call
 * one all-or-nothing statement (rows locked in variantId order), inside the caller's transaction.
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
    // All or nothing in one statement: a refused call leaves nothing reserved even if the caller catches the error.
    const { changed, available } = await this.levels.changeAll({ operation: 'reserve', lines: wanted, reference, actorId: null });
    if (!changed) {
      throw new InsufficientStockError(
        wanted
          .map((line) => ({ variantId: line.variantId, requested: line.quantity, available: available.get(line.variantId) ?? 0 }))
          .filter((line) => line.requested > line.available),
      );
    }
    await this.availability.changed({ inStockChanged: flipsAny(wanted, available, -1) });
  }

  release(lines: StockLine[], reference: string): Promise<void> {
    return this.applyAll('release', lines, reference, null);
  }

  commit(lines: StockLine[], reference: string): Promise<void> {
    return this.applyAll('commit', lines, reference, null);
  }

  restock(lines: StockLine[], reference: string, actorId: string | null): Promise<void> {
    return this.applyAll('restock', lines, reference, actorId);
  }

  private async applyAll(
    operation: Exclude<RowOperation, 'reserve'>,
    lines: StockLine[],
    reference: string,
    actorId: string | null,
  ): Promise<void> {
    const prepared = this.prepare(operation, lines);
    if (!prepared.length) return;
    const {
      changed,
      available,
      refused: [refused = prepared[0]],
    } = await this.levels.changeAll({ operation, lines: prepared, reference, actorId });
    if (!changed) {
      throw new StockLedgerMismatchError(operation, refused.variantId, refused.quantity, reference);
    }
    // A commit takes the units off both on-hand and reserved: what is available stays the same.
    if (operation !== 'commit') await this.availability.changed({ inStockChanged: flipsAny(prepared, available, 1) });
  }

  private prepare(operation: string, lines: StockLine[]): StockLine[] {
    // Outside a transaction each row would commit on its own: no all-or-nothing, no rollback.
    if (!this.txHost.isTransactionActive()) {
      throw new Error(`StockReservations.${operation} must run inside the caller's transaction (@Transactional)`);
    }
    return normaliseStockLines(lines);
  }
}

/** Whether taking (`sign` -1) or giving back (+1) these lines' units makes some variant run out or come back. */
function flipsAny(lines: StockLine[], availableBefore: ReadonlyMap<string, number>, sign: 1 | -1): boolean {
  return lines.some((line) => {
    const before = availableBefore.get(line.variantId) ?? 0;
    return inStockFlips(before, before + sign * line.quantity);
  });
}

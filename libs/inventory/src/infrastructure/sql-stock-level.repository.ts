import { Injectable } from '@nestjs/common';
import { isUuid, TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { RowChange, StockLevelRepository } from '../application/stock-level.repository';
import type { InventoryAvailability, StockLevels } from '../application/stock-reservations.port';
import { MAX_ON_HAND, StockLevel, stockLevel } from '../domain/stock-level';
import { MovementKind, SYSTEM_REASONS } from '../domain/stock-movement';
import { StockLevelEntity } from './stock-level.entity';

interface LevelRow {
  variant_id: string;
  on_hand: number;
  reserved: number;
}

/**
 * Each write is ONE statement: a conditional UPDATE of the row (PostgreSQL re-checks the condition
 * on the latest row version after waiting for its lock, so it is safe at READ COMMITTED) and the
 * INSERT of its movement, fed by the UPDATE's RETURNING so one never happens without the other.
 */
const CHANGE_ROW = (set: string, condition: string) => `
  WITH changed AS (
    UPDATE stock_levels SET ${set}, updated_at = now()
    WHERE variant_id = $1 AND ${condition}
    RETURNING variant_id, on_hand, reserved
  ), moved AS (
    INSERT INTO stock_movements (variant_id, kind, delta, reserved_delta, reason, reference, actor_id)
    SELECT variant_id, $3, $4, $5, $6, $7, $8 FROM changed
  )
  SELECT variant_id, on_hand, reserved FROM changed`;

// $2 is the quantity (or the signed delta of an adjustment); bigint arithmetic cannot overflow.
const ADJUST = CHANGE_ROW('on_hand = on_hand + $2', `on_hand::bigint + $2 BETWEEN reserved AND ${MAX_ON_HAND}`);
const RESERVE = CHANGE_ROW('reserved = reserved + $2', 'on_hand - reserved >= $2');
const RELEASE = CHANGE_ROW('reserved = reserved - $2', 'reserved >= $2');
const COMMIT = CHANGE_ROW('on_hand = on_hand - $2, reserved = reserved - $2', 'reserved >= $2');
const RESTOCK = CHANGE_ROW('on_hand = on_hand + $2', `on_hand::bigint + $2 <= ${MAX_ON_HAND}`);

/** Also serves the public InventoryAvailability and StockLevels ports (bound with useExisting). */
@Injectable()
export class SqlStockLevelRepository extends StockLevelRepository implements InventoryAvailability, StockLevels {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async find(variantId: string): Promise<StockLevel | null> {
    const entity = await this.txHost.tx.getRepository(StockLevelEntity).findOneBy({ variantId });
    return entity && stockLevel(entity.variantId, entity.onHand, entity.reserved);
  }

  async createFor(variantId: string): Promise<void> {
    await this.txHost.tx.query(`INSERT INTO stock_levels (variant_id) VALUES ($1) ON CONFLICT (variant_id) DO NOTHING`, [variantId]);
  }

  async availableFor(variantIds: string[]): Promise<Map<string, number>> {
    const ids = [...new Set(variantIds.map((id) => id.toLowerCase()).filter(isUuid))];
    const rows: { variant_id: string; available: number }[] = ids.length
      ? await this.txHost.tx.query(`SELECT variant_id, available FROM inventory_availability WHERE variant_id = ANY($1::uuid[])`, [ids])
      : [];
    const found = new Map(rows.map((row) => [row.variant_id, row.available]));
    return new Map(variantIds.map((id) => [id, found.get(id.toLowerCase()) ?? 0]));
  }

  async adjust(variantId: string, delta: number, reason: string, actorId: string): Promise<StockLevel | null> {
    const [row] = await this.write(ADJUST, variantId, delta, 'adjustment', delta, 0, reason, null, actorId);
    return row ? stockLevel(row.variant_id, row.on_hand, row.reserved) : null;
  }

  reserve({ line, reference, actorId }: RowChange): Promise<boolean> {
    return this.changed(RESERVE, 'reservation', line.variantId, line.quantity, 0, line.quantity, reference, actorId);
  }

  release({ line, reference, actorId }: RowChange): Promise<boolean> {
    return this.changed(RELEASE, 'release', line.variantId, line.quantity, 0, -line.quantity, reference, actorId);
  }

  commit({ line, reference, actorId }: RowChange): Promise<boolean> {
    return this.changed(COMMIT, 'commit', line.variantId, line.quantity, -line.quantity, -line.quantity, reference, actorId);
  }

  restock({ line, reference, actorId }: RowChange): Promise<boolean> {
    return this.changed(RESTOCK, 'restock', line.variantId, line.quantity, line.quantity, 0, reference, actorId);
  }

  private async changed(
    sql: string,
    kind: Exclude<MovementKind, 'adjustment'>,
    variantId: string,
    quantity: number,
    delta: number,
    reservedDelta: number,
    reference: string,
    actorId: string | null,
  ): Promise<boolean> {
    const rows = await this.write(sql, variantId, quantity, kind, delta, reservedDelta, SYSTEM_REASONS[kind], reference, actorId);
    return rows.length === 1;
  }

  private write(
    sql: string,
    variantId: string,
    amount: number,
    kind: MovementKind,
    delta: number,
    reservedDelta: number,
    reason: string,
    reference: string | null,
    actorId: string | null,
  ): Promise<LevelRow[]> {
    return this.txHost.tx.query(sql, [variantId, amount, kind, delta, reservedDelta, reason, reference, actorId]);
  }
}

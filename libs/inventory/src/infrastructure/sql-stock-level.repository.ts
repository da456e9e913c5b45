import { Injectable } from '@nestjs/common';
import { isUuid, prepared, PreparedStatement, runPrepared, TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { RowOperation, RowsChange, RowsChanged, StockLevelRepository } from '../application/stock-level.repository';
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

// $2 is the signed delta of an adjustment; bigint arithmetic cannot overflow.
const ADJUST = CHANGE_ROW('on_hand = on_hand + $2', `on_hand::bigint + $2 BETWEEN reserved AND ${MAX_ON_HAND}`);

/** Per operation: what a row must hold (`s` the row, `w.quantity` the line), its change, and the movement's delta and reserved delta per unit. */
const ROWS: Record<
  RowOperation,
  { condition: string; set: string; kind: Exclude<MovementKind, 'adjustment'>; delta: number; reserved: number }
> = {
  reserve: {
    condition: 's.on_hand - s.reserved >= w.quantity',
    set: 'reserved = s.reserved + l.quantity',
    kind: 'reservation',
    delta: 0,
    reserved: 1,
  },
  release: { condition: 's.reserved >= w.quantity', set: 'reserved = s.reserved - l.quantity', kind: 'release', delta: 0, reserved: -1 },
  commit: {
    condition: 's.reserved >= w.quantity',
    set: 'on_hand = s.on_hand - l.quantity, reserved = s.reserved - l.quantity',
    kind: 'commit',
    delta: -1,
    reserved: -1,
  },
  restock: {
    condition: `s.on_hand::bigint + w.quantity <= ${MAX_ON_HAND}`,
    set: 'on_hand = s.on_hand + l.quantity',
    kind: 'restock',
    delta: 1,
    reserved: 0,
  },
};

/**
 * Several rows in one statement, all or nothing: `locked` takes the row locks in variantId order
 * (ORDER BY runs before FOR UPDATE, the one lock order every writer follows: no deadlock) and sees
 * each row's latest version; only when every line's condition holds on it are the rows changed and
 * their movements appended. $1 variant ids, $2 quantities, $3 kind, $4 delta and $5 reserved delta
 * per unit, $6 reason, $7 reference, $8 actor.
 */
const CHANGE_ROWS = (operation: RowOperation) => `
  WITH wanted AS (
    SELECT * FROM unnest($1::uuid[], $2::int[]) AS w(variant_id, quantity)
  ), locked AS (
    SELECT s.variant_id, s.on_hand - s.reserved AS available, w.quantity, (${ROWS[operation].condition}) AS fits
    FROM stock_levels s JOIN wanted w ON w.variant_id = s.variant_id
    ORDER BY s.variant_id
    FOR UPDATE OF s
  ), decided AS (
    SELECT count(*) = cardinality($1::uuid[]) AND coalesce(bool_and(fits), false) AS all_fit FROM locked
  ), changed AS (
    UPDATE stock_levels s SET ${ROWS[operation].set}, updated_at = now()
    FROM locked l, decided d
    WHERE d.all_fit AND s.variant_id = l.variant_id
    RETURNING s.variant_id, l.quantity
  ), moved AS (
    INSERT INTO stock_movements (variant_id, kind, delta, reserved_delta, reason, reference, actor_id)
    SELECT variant_id, $3, $4 * quantity, $5 * quantity, $6, $7, $8 FROM changed
  )
  SELECT l.variant_id, l.available, l.fits, d.all_fit, (SELECT count(*) FROM changed)::int AS changed
  FROM decided d LEFT JOIN locked l ON true`;
// Prepared: checkout, cancellation and fulfilment run these on every order.
const CHANGE_ROWS_SQL = Object.fromEntries(
  (Object.keys(ROWS) as RowOperation[]).map((operation) => [operation, prepared(CHANGE_ROWS(operation))]),
) as Record<RowOperation, PreparedStatement>;
const AVAILABLE_FOR = prepared(`SELECT variant_id, available FROM inventory_availability WHERE variant_id = ANY($1::uuid[])`);

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
      ? await runPrepared<{ variant_id: string; available: number }[]>(this.txHost.tx, AVAILABLE_FOR, [ids])
      : [];
    const found = new Map(rows.map((row) => [row.variant_id, row.available]));
    return new Map(variantIds.map((id) => [id, found.get(id.toLowerCase()) ?? 0]));
  }

  async adjust(variantId: string, delta: number, reason: string, actorId: string): Promise<StockLevel | null> {
    const [row] = await this.write(ADJUST, variantId, delta, 'adjustment', delta, 0, reason, null, actorId);
    return row ? stockLevel(row.variant_id, row.on_hand, row.reserved) : null;
  }

  async changeAll({ operation, lines, reference, actorId }: RowsChange): Promise<RowsChanged> {
    const { kind, delta, reserved } = ROWS[operation];
    const rows: { variant_id: string | null; available: number | null; fits: boolean | null; all_fit: boolean; changed: number }[] =
      await runPrepared<typeof rows>(this.txHost.tx, CHANGE_ROWS_SQL[operation], [
        lines.map((line) => line.variantId),
        lines.map((line) => line.quantity),
        kind,
        delta,
        reserved,
        SYSTEM_REASONS[kind],
        reference,
        actorId,
      ]);
    const available = new Map(
      rows.filter((row) => row.variant_id !== null).map((row) => [row.variant_id as string, row.available as number]),
    );
    const fitting = new Set(rows.filter((row) => row.fits).map((row) => row.variant_id));
    return {
      changed: rows[0]?.all_fit === true && rows[0].changed === lines.length,
      available,
      refused: lines.filter((line) => !fitting.has(line.variantId)),
    };
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

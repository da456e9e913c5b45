import { Injectable } from '@nestjs/common';
import { TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { MovementPosition, MovementRow, StockMovementRepository } from '../application/stock-movement.repository';
import type { MovementKind } from '../domain/stock-movement';

interface Row {
  id: string;
  variant_id: string;
  kind: MovementKind;
  delta: number;
  reserved_delta: number;
  reason: string;
  reference: string | null;
  actor_id: string | null;
  created_at: Date;
  created_at_key: string;
}

// created_at keeps microseconds; a JavaScript Date would round them away and page unreliably.
const SELECT = `
  SELECT id, variant_id, kind, delta, reserved_delta, reason, reference, actor_id, created_at,
         to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_key
  FROM stock_movements`;

@Injectable()
export class SqlStockMovementRepository extends StockMovementRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async newestFirst(variantId: string, after: MovementPosition | null, limit: number): Promise<MovementRow[]> {
    const rows: Row[] = after
      ? await this.txHost.tx.query(
          `${SELECT} WHERE variant_id = $1 AND (created_at, id) < ($2::timestamptz, $3::uuid) ORDER BY created_at DESC, id DESC LIMIT $4`,
          [variantId, after.createdAt, after.id, limit],
        )
      : await this.txHost.tx.query(`${SELECT} WHERE variant_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, [variantId, limit]);
    return rows.map((row) => ({
      id: row.id,
      variantId: row.variant_id,
      kind: row.kind,
      delta: row.delta,
      reservedDelta: row.reserved_delta,
      reason: row.reason,
      reference: row.reference,
      actorId: row.actor_id,
      createdAt: row.created_at,
      position: { createdAt: row.created_at_key, id: row.id },
    }));
  }
}

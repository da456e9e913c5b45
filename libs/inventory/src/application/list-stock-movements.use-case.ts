import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, InvalidCursorError, isUuid, NotFoundError, Page, toPage } from '@congocart/shared';
import type { StockMovement } from '../domain/stock-movement';
import { MovementPosition, StockMovementRepository } from './stock-movement.repository';
import { StockLevelRepository } from './stock-level.repository';

export interface ListStockMovementsQuery {
  variantId: string;
  limit: number;
  cursor?: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
/** A variant's ledger, newest first, keyset-paged on (createdAt desc, id desc). */
@Injectable()
export class ListStockMovements {
  constructor(
    private readonly levels: StockLevelRepository,
    private readonly movements: StockMovementRepository,
  ) {}

  async execute(query: ListStockMovementsQuery): Promise<Page<StockMovement>> {
    const scope = { list: 'stock-movements', variantId: query.variantId.toLowerCase() };
    if (!(await this.levels.find(query.variantId))) throw new NotFoundError('Variant');
    const after = query.cursor === undefined ? null : positionFrom(decodeCursor(query.cursor, scope, 2));
    const rows = await this.movements.newestFirst(query.variantId, after, query.limit + 1);
    return toPage(
      rows,
      query.limit,
      ({ position: _position, ...movement }) => movement,
      (row) => encodeCursor([row.position.createdAt, row.position.id], scope),
    );
  }
}

function positionFrom([createdAt, id]: unknown[]): MovementPosition {
  if (typeof createdAt !== 'string' || !TIMESTAMP.test(createdAt) || typeof id !== 'string' || !isUuid(id)) {
    throw new InvalidCursorError();
  }
  return { createdAt, id };
}

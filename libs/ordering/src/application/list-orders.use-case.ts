import { Injectable } from '@nestjs/common';
import {
  decodeCursor,
  DEFAULT_PAGE_LIMIT,
  encodeCursor,
  InvalidCursorError,
  isUuid,
  Page,
  toPage,
  ValidationFailedError,
} from '@congocart/shared';
import { OrderListFilter, OrderQueries, OrderSummary } from './order-queries';

export interface ListOrdersInput {
  /** `mine` lists one customer's orders (filter.customerId is then theirs); `all` is the staff view. */
  view: 'mine' | 'all';
  filter: OrderListFilter;
  limit?: number;
  cursor?: string;
}

/** createdAt as microseconds since the epoch (exact, unlike a JS Date). */
const SORT_KEY = /^\d{1,17}$/;
/** Orders newest first, keyset-paged on (createdAt, id); a cursor is valid only for its own filters. */
@Injectable()
export class ListOrders {
  constructor(private readonly queries: OrderQueries) {}

  async execute(input: ListOrdersInput): Promise<Page<Omit<OrderSummary, 'sortKey'>>> {
    const { filter } = input;
    if (filter.from && filter.to && filter.from >= filter.to) {
      throw new ValidationFailedError([{ field: 'to', message: 'to must be later than from' }]);
    }
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const scope = {
      list: `orders:${input.view}`,
      customerId: filter.customerId ?? null,
      status: filter.status ?? null,
      from: filter.from?.toISOString() ?? null,
      to: filter.to?.toISOString() ?? null,
    };
    let after: { sortKey: string; id: string } | null = null;
    if (input.cursor) {
      const [sortKey, id] = decodeCursor(input.cursor, scope, 2);
      // Cursors are not signed: check what goes into the query before trusting it.
      if (typeof sortKey !== 'string' || !SORT_KEY.test(sortKey) || typeof id !== 'string' || !isUuid(id)) throw new InvalidCursorError();
      after = { sortKey, id };
    }
    const rows = await this.queries.list(filter, after, limit + 1);
    return toPage(
      rows,
      limit,
      ({ sortKey: _sortKey, ...summary }) => summary,
      (row) => encodeCursor([row.sortKey, row.id], scope),
    );
  }
}

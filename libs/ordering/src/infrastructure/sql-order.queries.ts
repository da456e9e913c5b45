import { Injectable } from '@nestjs/common';
import { TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import type { OrderStatus } from '../domain/order-status';
import { OrderListFilter, OrderQueries, OrderSummary } from '../application/order-queries';

interface SummaryRow {
  id: string;
  number: string;
  status: OrderStatus;
  customer_id: string | null;
  total_amount: string;
  currency: string;
  created_at: Date;
  sort_key: string;
}

/** Order lists straight from SQL: newest first with (created_at, id) as the keyset. */
@Injectable()
export class SqlOrderQueries extends OrderQueries {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async list(filter: OrderListFilter, after: { sortKey: string; id: string } | null, limit: number): Promise<OrderSummary[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.customerId) where.push(`customer_id = ${param(filter.customerId)}`);
    if (filter.status) where.push(`status = ${param(filter.status)}`);
    if (filter.from) where.push(`created_at >= ${param(filter.from)}`);
    if (filter.to) where.push(`created_at < ${param(filter.to)}`);
    if (after) {
      where.push(
        `(created_at, id) < ('epoch'::timestamptz + ${param(after.sortKey)}::bigint * interval '1 microsecond', ${param(after.id)}::uuid)`,
      );
    }
    const rows: SummaryRow[] = await this.txHost.tx.query(
      `SELECT id, number, status, customer_id, total_amount, currency, created_at,
              (extract(epoch FROM created_at) * 1000000)::bigint::text AS sort_key
       FROM orders
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC
       LIMIT ${param(limit)}`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      number: row.number,
      status: row.status,
      customerId: row.customer_id,
      total: { amount: Number(row.total_amount), currency: row.currency },
      createdAt: row.created_at,
      sortKey: row.sort_key,
    }));
  }
}

import type { TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';

/** Rows of a raw statement: TypeORM answers UPDATE/DELETE with [rows, count], others with rows. */
export async function queryRows<T>(
  txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result: unknown = await txHost.tx.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

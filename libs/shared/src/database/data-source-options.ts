import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';

/** The same relative path from `libs/shared/src/database` in sources and in `dist/`. */
const ROOT = join(__dirname, '..', '..', '..', '..');

export const MIGRATIONS_GLOB = join(ROOT, 'migrations', '*.{js,ts}').replace(/\\/g, '/');
export const ENTITIES_GLOB = join(ROOT, 'libs', '*', 'src', 'infrastructure', '**', '*.entity.{js,ts}').replace(/\\/g, '/');

export interface DatabaseBounds {
  /** Waiting for a pooled connection or a new one (pg `connectionTimeoutMillis`). */
  connectTimeoutMs: number;
  /** Server-side `statement_timeout`; the client gives up a second later (a frozen server enforces nothing). */
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

/** Options shared by the app, the TypeORM CLI and the test harness. `synchronize` is never on. */
export function dataSourceOptions(
  url: string,
  overrides: { poolSize?: number; migrationsRun?: boolean; bounds?: DatabaseBounds } = {},
): DataSourceOptions {
  const bounds = overrides.bounds;
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: overrides.migrationsRun ?? false,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    extra: {
      max: overrides.poolSize ?? 10,
      application_name: 'congocart',
      ...(bounds && {
        connectionTimeoutMillis: bounds.connectTimeoutMs,
        statement_timeout: bounds.statementTimeoutMs,
        query_timeout: bounds.statementTimeoutMs + 1000,
        idle_in_transaction_session_timeout: bounds.idleInTransactionTimeoutMs,
      }),
    },
  };
}

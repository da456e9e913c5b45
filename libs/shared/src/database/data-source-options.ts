import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';

/** The same relative path from `libs/shared/src/database` in sources and in `dist/`. */
const ROOT = join(__dirname, '..', '..', '..', '..');

export const MIGRATIONS_GLOB = join(ROOT, 'migrations', '*.{js,ts}').replace(/\\/g, '/');
export const ENTITIES_GLOB = join(ROOT, 'libs', '*', 'src', 'infrastructure', '**', '*.entity.{js,ts}').replace(/\\/g, '/');

/** Options shared by the app, the TypeORM CLI and the test harness. `synchronize` is never on. */
export function dataSourceOptions(url: string, overrides: { poolSize?: number; migrationsRun?: boolean } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: overrides.migrationsRun ?? false,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    extra: { max: overrides.poolSize ?? 10, application_name: 'congocart' },
  };
}

import { PlatformConfig } from '../config/platform.config';
import { RunningDatabase, startEmbeddedPostgres } from './embedded-postgres';

/** DATABASE_URL when given; otherwise an embedded PostgreSQL under EMBEDDED_DATABASE_DIR. */
export async function resolveDatabase(config: PlatformConfig, log: (line: string) => void): Promise<RunningDatabase> {
  if (config.databaseUrl) {
    log(`Using the PostgreSQL at ${redactUrl(config.databaseUrl)} (DATABASE_URL)`);
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined, onUnexpectedExit: () => undefined };
  }
  const database = await startEmbeddedPostgres({
    dataDir: config.embeddedDatabaseDir,
    database: 'congocart',
    durable: config.embeddedDatabaseDurable,
    log,
  });
  log(`No DATABASE_URL: using an embedded PostgreSQL at ${redactUrl(database.url)}, data in ${config.embeddedDatabaseDir}`);
  return database;
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

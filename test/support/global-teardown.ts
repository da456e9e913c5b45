import { Client } from 'pg';
import { reportAlwaysSentOptionals } from './contract';
import type { RunningDatabase } from '../../libs/shared/src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const candidates = reportAlwaysSentOptionals();
  if (candidates.length) {
    console.warn(`\nOptional in openapi.json, yet present in every response the run received (required?):\n  ${candidates.join('\n  ')}`);
  }
  const embedded = (globalThis as Record<string, unknown>).__CONGOCART_EMBEDDED__ as RunningDatabase | undefined;
  if (embedded) {
    await embedded.stop();
    return;
  }
  // A shared server (TEST_DATABASE_URL): drop this run's databases.
  const client = new Client({ connectionString: process.env.CONGOCART_TEST_ADMIN_URL });
  await client.connect();
  try {
    const template = process.env.CONGOCART_TEST_TEMPLATE ?? '';
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`, [
      template,
      `${template}_f%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

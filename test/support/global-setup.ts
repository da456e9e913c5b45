import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PgBoss from 'pg-boss';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../libs/shared/src/database/embedded-postgres';
import { testEnvironment } from './test-env';

/**
 * One PostgreSQL per test run (TEST_DATABASE_URL, or an embedded server), one template database
 * migrated once; each test file then clones its own database from the template.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    // A throwaway cluster: crash safety off for speed (the fault tests start their own, durable one).
    const embedded = await startEmbeddedPostgres({
      dataDir: mkdtempSync(join(tmpdir(), 'congocart-test-pg-')),
      database: 'postgres',
      durable: false,
    });
    (globalThis as Record<string, unknown>).__CONGOCART_EMBEDDED__ = embedded;
    adminUrl = embedded.url;
  }
  const template = `cc_tpl_${process.pid}_${Date.now()}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${template}`);
  } finally {
    await client.end();
  }
  const templateUrl = withDatabase(adminUrl, template);
  execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'scripts/migration.ts', 'run'],
    {
      env: { ...process.env, DATABASE_URL: templateUrl, TS_NODE_PROJECT: 'tsconfig.json' },
      stdio: 'pipe',
    },
  );
  // The job queue's schema too (the app installs it at start-up; in the template, clones start faster).
  const boss = new PgBoss({ connectionString: templateUrl, schema: 'pgboss', supervise: false, schedule: false, max: 2 });
  await boss.start();
  await boss.createQueue('events.fan-out');
  await boss.stop({ graceful: false, wait: true });
  Object.assign(process.env, testEnvironment(), { CONGOCART_TEST_ADMIN_URL: adminUrl, CONGOCART_TEST_TEMPLATE: template });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

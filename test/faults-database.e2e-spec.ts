import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { ChildShop } from './support/child-shop';
import { brokenInvariants } from './support/invariants';
import { clusterPids, freePort, ServerProcess, startPostgresProcess, startServerProcess } from './support/server-process';

const postmasterPid = (dataDir: string) => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
/** A bound on each answer: a request still hanging after this fails the test. */
const within = (ms: number) => ({ signal: AbortSignal.timeout(ms) });

// Each step starts real processes; on 2 shared cores a start can take tens of seconds.
jest.setTimeout(180_000);
/**
 * Database and Redis faults on servers this file starts itself (never the shared test
 * PostgreSQL or Redis): a durable embedded PostgreSQL that is frozen, killed and restarted on
 * the same port, and a private redis-server that is killed.
 */
describe('database and Redis faults', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'congocart-fault-pg-'));
  let pg: { url: string; stop(): Promise<void> };
  let port: number;
  let server: ServerProcess;
  let redis: ChildProcess;
  let redisPort: number;
  let shop: ChildShop;
  const startRedis = () => spawn('redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });

  beforeAll(async () => {
    port = await freePort();
    pg = await startPostgresProcess(dataDir, port);
    redisPort = await freePort();
    redis = startRedis();
    server = await startServerProcess({
      DATABASE_URL: pg.url,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
      DATABASE_STATEMENT_TIMEOUT_MS: '1500',
    });
    shop = new ChildShop(server.http);
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    await server?.exited;
    redis?.kill('SIGKILL');
    await pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps catalog reads fast and fails sign-in closed at once when Redis is killed', async () => {
    expect((await shop.http.get('/api/v1/products?limit=5')).status).toBe(200);
    redis.kill('SIGKILL');
    await sleep(200);
    // Waiting on Redis cost ~1 s per read before; ten reads now fit easily in 4 s together.
    const reads = AbortSignal.timeout(4000);
    for (let i = 0; i < 10; i += 1) {
      const response = await fetch(`${server.baseUrl}/api/v1/products?limit=5&q=item${i}`, { signal: reads });
      expect(response.status).toBe(200);
    }
    const signIn = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.com', password: 'not the password' }),
      ...within(1500),
    });
    expect(signIn.status).toBe(503);
    // Redis comes back: sign-in recovers by itself (the next tests sign in).
    redis = startRedis();
  });

  it('answers every request within the configured bound while PostgreSQL is frozen (SIGSTOP), and recovers', async () => {
    const customer = await shop.customer();
    const pids = clusterPids(postmasterPid(dataDir));
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    try {
      const answers = await Promise.all(
        ['/api/v1/cart', '/api/v1/orders', '/api/v1/products?q=frozen'].map((path) =>
          fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${customer.token}` }, ...within(8000) }),
        ),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(503);
        expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(((await answer.json()) as { code: string }).code).toBe('SERVICE_UNAVAILABLE');
      }
    } finally {
      for (const pid of pids) process.kill(pid, 'SIGCONT');
    }
    expect(await eventually(async () => (await shop.http.get('/api/v1/orders', { token: customer.token })).status)).toBe(200);
  });

  it('loses no acknowledged order when PostgreSQL is SIGKILLed, answers 503 with Retry-After while it is down, and recovers', async () => {
    const variantId = await shop.variant(100);
    const customers = await Promise.all(Array.from({ length: 16 }, () => shop.cartWith(variantId)));
    const acknowledged: string[] = [];
    const checkouts = customers.map(async (customer) => {
      const response = await shop.checkout(customer).catch(() => null);
      if (response?.status === 201) acknowledged.push(response.body.id);
      return response;
    });
    while (acknowledged.length < 3) await sleep(5);
    for (const pid of clusterPids(postmasterPid(dataDir))) process.kill(pid, 'SIGKILL');
    const answers = await Promise.all(checkouts);
    for (const answer of answers) expect([201, 503]).toContain(answer?.status);

    const down = await server.http.get(`/api/v1/products?q=${randomUUID().slice(0, 8)}`);
    expect([down.status, down.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(down.headers.get('retry-after')).toMatch(/^\d+$/);

    await pg.stop();
    pg = await startPostgresProcess(dataDir, port);
    expect(await eventually(async () => (await server.http.get('/health/ready')).status)).toBe(200);
    const sql = new Client({ connectionString: pg.url });
    await sql.connect();
    const { rows } = await sql.query<{ id: string }>('SELECT id FROM orders WHERE id = ANY($1)', [acknowledged]).finally(() => sql.end());
    expect(rows.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
    expect(await brokenInvariants(pg.url)).toEqual({});
  });
});

describe('the embedded database the API owns', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'congocart-fault-embedded-'));
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) server.kill('SIGKILL');
    if (existsSync(join(dataDir, 'postmaster.pid')) && alive(postmasterPid(dataDir))) process.kill(postmasterPid(dataDir), 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts again after a SIGKILL of the API (the orphaned PostgreSQL is stopped), and exits non-zero when its database dies', async () => {
    const env = { EMBEDDED_DATABASE_DIR: dataDir, SEED_DEMO_DATA: 'false' };
    const first = await startServerProcess(env);
    servers.push(first);
    const variantId = await new ChildShop(first.http).variant(3);
    first.kill('SIGKILL');
    await first.exited;
    const orphan = postmasterPid(dataDir);
    expect(alive(orphan)).toBe(true);

    const second = await startServerProcess(env);
    servers.push(second);
    expect(alive(orphan)).toBe(false);
    const stock = await second.http.get(`/api/v1/admin/inventory/${variantId}`, { token: await new ChildShop(second.http).admin() });
    expect(stock.body.onHand).toBe(3);

    process.kill(postmasterPid(dataDir), 'SIGKILL');
    expect((await second.exited).code).toBe(1);
    expect(second.output()).toContain('The embedded database died');
    expect(existsSync(dataDir)).toBe(true);
  }, 120_000);
});

/** Polls until `probe` answers 200 (or gives up after ~15 s and returns the last answer). */
async function eventually(probe: () => Promise<number>): Promise<number> {
  let last = 0;
  for (let attempt = 0; attempt < 75; attempt += 1) {
    last = await probe().catch(() => 0);
    if (last === 200) return last;
    await sleep(200);
  }
  return last;
}

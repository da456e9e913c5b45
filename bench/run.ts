import { ChildProcess, execFileSync, execSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo, createServer as createNetServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { startEmbeddedPostgres } from '../libs/shared/src/database/embedded-postgres';
import { measureGrowth } from './growth';
import { LIMIT_DB_PATH, LIMIT_WRITE_PATH, prepareLimits, startLimitServer } from './limits';
import type { BaselineStep, BenchContext, BenchRequest, BenchScenario } from './scenario';

/**
 * `npm run bench [-- --duration 10 --connections 20 --products 5000 --only catalog|goals|mixed|scales|growth --scales 10000,100000 --samples 200]`
 *
 * `--only growth` (checkout of 1, 10, 100 lines; selective and unselective search) is not part of
 * the full run, which already takes about seven minutes on the 2-core machine.
 *
 * Builds the production bundle, seeds a catalog, starts the real server, and measures every
 * scenario with autocannon against it AND against a bare node:http + pg server doing the same
 * SQL, in the same run on the same machine; reports req/s, p50, p99 and the API/bare ratio.
 */
const args = parseArgs(process.argv.slice(2));
const DURATION = Number(args.duration ?? 10);
const CONNECTIONS = Number(args.connections ?? 20);
const PRODUCTS = Number(args.products ?? 5000);
/** Catalog sizes the cache-off listing is measured at, each in a database of its own. */
const SCALES = String(args.scales ?? '10000,100000')
  .split(',')
  .filter(Boolean)
  .map(Number);
/** Checkouts timed per cart size by `--only growth`. */
const SAMPLES = Number(args.samples ?? 200);
const ADMIN = { email: 'bench-admin@congocart.dev', password: 'bench-admin-password-123' };

async function main(): Promise<void> {
  console.log(`Machine: ${machine()}`);
  console.log('Building the production bundle...');
  execSync('npm run build', { stdio: 'inherit' });

  const database = await benchDatabase();
  const apis: ChildProcess[] = [];
  let bare: Server | undefined;
  let limits: Server | undefined;
  const pool = new Pool({ connectionString: database.url, max: 10 });
  // Idle clients see the database stop at the end; that is not an error of the run.
  pool.on('error', () => undefined);
  try {
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      JWT_SECRET: 'bench-secret-that-is-at-least-32-bytes-long!!',
      PAYMENT_WEBHOOK_SECRET: 'bench-webhook-secret',
      WEBHOOK_SECRET_KEY: '1111111111111111111111111111111111111111111111111111111111111111',
      PAYMENT_SANDBOX_ENABLED: 'true',
      // One load generator on loopback is one client IP and a handful of users: the limits would measure themselves.
      RATE_LIMIT_ENABLED: 'false',
      MAX_UNPAID_ORDERS_PER_CUSTOMER: '1000000',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      MIGRATIONS_RUN: 'false',
      SEED_DEMO_DATA: 'false',
      AUTH_REQUESTS_PER_MINUTE_PER_IP: '1000000',
      HOST: '127.0.0.1',
    };
    execFileSync(process.execPath, ['dist/scripts/migration.js', 'run'], { env, stdio: 'inherit' });
    console.log(`Seeding ${PRODUCTS} products...`);
    execFileSync(process.execPath, ['dist/scripts/seed.js', '--products', String(PRODUCTS), '--allow-production'], {
      env,
      stdio: 'inherit',
    });

    const startApi = async (extraEnv: Record<string, string> = {}): Promise<string> => {
      const port = await freePort();
      apis.push(
        spawn(process.execPath, ['dist/apps/api/main.js'], {
          env: { ...env, ...extraEnv, PORT: String(port) },
          stdio: ['ignore', 'inherit', 'inherit'],
        }),
      );
      const url = `http://127.0.0.1:${port}`;
      await waitForReady(`${url}/health/ready`);
      return url;
    };
    const apiUrl = await startApi();
    let uncachedApiUrl: string | undefined;

    const context = benchContext(apiUrl, pool);
    const scenarios = loadScenarios().filter((scenario) => !args.only || scenario.name.includes(String(args.only)));
    const steps = new Map<string, BaselineStep>();
    bare = await startBareServer(pool, steps);
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

    const stockIds = await prepareLimits(pool);
    limits = await startLimitServer(pool, stockIds);
    const limitUrl = `http://127.0.0.1:${(limits.address() as AddressInfo).port}`;

    const rows: string[][] = [];
    const row = (name: string, measuredApi: Measured, measuredBare: Measured) => [
      name,
      fmt(measuredApi.rps),
      `${measuredApi.p50}`,
      `${measuredApi.p99}`,
      fmt(measuredBare.rps),
      `${measuredBare.p50}`,
      `${measuredBare.p99}`,
      (measuredApi.rps / measuredBare.rps).toFixed(2),
      `${measuredApi.non2xx}/${measuredApi.total}`,
    ];
    for (const [index, scenario] of scenarios.entries()) {
      const plan = await planScenario(scenario, index, context, steps);
      if (!plan) continue;
      console.log(`\n${scenario.name}: API...`);
      const measuredApi = await drive(apiUrl, plan.api);
      console.log(`${scenario.name}: bare node:http + pg...`);
      const measuredBare = await drive(bareUrl, plan.bare);
      if (measuredBare.non2xx > 0) console.warn(`${scenario.name}: the bare baseline answered ${measuredBare.non2xx} non-2xx responses`);
      rows.push(row(scenario.name, measuredApi, measuredBare));
      if (scenario.cacheSensitive) {
        uncachedApiUrl ??= await startApi({ CATALOG_CACHE_TTL_MS: '0' });
        console.log(`${scenario.name}: API with the catalog cache off...`);
        rows.push(row(`${scenario.name}, cache off`, await drive(uncachedApiUrl, plan.api), measuredBare));
      }
    }
    const goals =
      !args.only || args.only === 'goals'
        ? await measureGoals(context, limitUrl, async () => (uncachedApiUrl ??= await startApi({ CATALOG_CACHE_TTL_MS: '0' })))
        : [];
    const mixed = !args.only || args.only === 'mixed' ? await measureMixed(context) : [];
    // Printed at once: the scales below take minutes.
    console.log(`\n${[...goals, ...mixed].join('\n')}`);
    const scales =
      !args.only || args.only === 'scales' ? await measureScales(database.url, env, startApi, () => apis.pop()?.kill('SIGTERM')) : [];
    const growth =
      args.only === 'growth'
        ? await measureGrowth({
            context,
            uncachedApi: async () => (uncachedApiUrl ??= await startApi({ CATALOG_CACHE_TTL_MS: '0' })),
            drive,
            samples: SAMPLES,
            fmt,
          })
        : [];
    const table = [
      `Machine: ${machine()}; ${CONNECTIONS} connections, ${DURATION} s per run, ${PRODUCTS} products.`,
      '',
      ...goals,
      ...mixed,
      ...scales,
      ...growth,
      ...(rows.length
        ? [
            '| scenario | API req/s | API p50 ms | API p99 ms | bare req/s | bare p50 ms | bare p99 ms | API/bare | API non-2xx |',
            '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
            ...rows.map((row) => `| ${row.join(' | ')} |`),
          ]
        : []),
    ].join('\n');
    console.log(`\n${table}\n`);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/latest.md', `${table}\n`);
  } finally {
    apis.forEach((api) => api.kill('SIGTERM'));
    bare?.close();
    limits?.close();
    await pool.end();
    await database.stop();
  }
}

/**
 * Issue 20's goals, as ratios to the bare limits (bench/limits.ts) measured in this run: the
 * shoppers' listing and product detail with the cache on and off against LIMIT-DB, and order
 * placement (2 adds + checkout per order, orders/s) against LIMIT-WRITE (checkouts/s).
 */
async function measureGoals(context: BenchContext, limitUrl: string, uncachedApi: () => Promise<string>): Promise<string[]> {
  const get = (path: string): BenchRequest[][] => [[{ method: 'GET', path }]];
  console.log('\ngoals: LIMIT-DB...');
  const limitDb = await drive(limitUrl, get(LIMIT_DB_PATH));
  console.log('goals: LIMIT-WRITE...');
  const limitWrite = await drive(limitUrl, [[{ method: 'POST', path: LIMIT_WRITE_PATH, body: '{}' }]]);
  const first = (await (await fetch(`${context.apiUrl}/api/v1/products?limit=1`)).json()) as { data: { slug: string }[] };
  const detail = `/api/v1/products/${first.data[0].slug}`;
  const uncached = await uncachedApi();
  const reads: [string, string, string][] = [
    ['`GET /api/v1/products?limit=20`, cache on', context.apiUrl, '/api/v1/products?limit=20'],
    ['`GET /api/v1/products?limit=20`, cache off', uncached, '/api/v1/products?limit=20'],
    ['`GET /api/v1/products/{slug}`, cache on', context.apiUrl, detail],
    ['`GET /api/v1/products/{slug}`, cache off', uncached, detail],
  ];
  const rows: string[] = [];
  for (const [name, url, path] of reads) {
    console.log(`goals: ${name}...`);
    const measured = await drive(url, get(path));
    const goal = name.endsWith('cache on') ? 1 : 0.6;
    rows.push(goalRow(name, measured.rps, 'req/s', measured, limitDb, 'LIMIT-DB', goal));
  }
  console.log('goals: order placement (2 adds + checkout)...');
  const placement = await loadScenarios().find((scenario) => scenario.name.startsWith('checkout:'))!.sequence!(context, CONNECTIONS);
  const orders = await drive(
    context.apiUrl,
    Array.from({ length: CONNECTIONS }, (_, connection) => placement.api(connection)),
  );
  rows.push(
    goalRow(
      'order placement: 2 × `POST /cart/items` + `POST /checkout`',
      orders.rps / 3,
      'orders/s',
      orders,
      limitWrite,
      'LIMIT-WRITE',
      0.3,
    ),
  );
  return [
    `LIMIT-DB (bare node:http + pg, one prepared keyset SELECT of 20 rows): ${fmt(limitDb.rps)} req/s, p50 ${limitDb.p50} ms, p99 ${limitDb.p99} ms.`,
    `LIMIT-WRITE (bare node:http + pg, lock 2 rows, 1 conditional UPDATE, INSERT order and 2 lines): ${fmt(limitWrite.rps)} req/s, p50 ${limitWrite.p50} ms, p99 ${limitWrite.p99} ms.`,
    '',
    '| goal scenario | CongoCart | p50 ms | p99 ms | limit | ratio | goal |',
    '|---|---:|---:|---:|---|---:|---:|',
    ...rows,
    '',
  ];
}

/** Listing pages a shop's visitors browse, in turn (cache on). */
const BROWSED_PAGES = [
  '/api/v1/products?limit=20',
  '/api/v1/products?limit=20&sort=price',
  '/api/v1/products?limit=20&sort=name',
  '/api/v1/products?q=lamp',
];

/**
 * Listings while orders are placed: half the connections browse four listing pages, the other
 * half place orders (2 adds + checkout), at the same time; then the browsing alone, for
 * comparison. Every checkout changes stock, which is what the catalog cache must live with.
 */
async function measureMixed(context: BenchContext): Promise<string[]> {
  const half = Math.max(1, Math.floor(CONNECTIONS / 2));
  const browsing = [BROWSED_PAGES.map((path) => ({ method: 'GET' as const, path }))];
  console.log('\nmixed: listings alone...');
  const alone = await drive(context.apiUrl, browsing, half);
  console.log('mixed: listings while orders are placed...');
  const placement = await loadScenarios().find((scenario) => scenario.name.startsWith('checkout:'))!.sequence!(context, half);
  const [during, orders] = await Promise.all([
    drive(context.apiUrl, browsing, half),
    drive(
      context.apiUrl,
      Array.from({ length: half }, (_, connection) => placement.api(connection)),
      half,
    ),
  ]);
  const line = (name: string, rate: string, measured: Measured) =>
    `| ${name} | ${rate} | ${measured.p50} | ${measured.p99} | ${measured.non2xx}/${measured.total} |`;
  return [
    `Listings while orders are placed (cache on; ${half} connections browsing four listing pages, ${half} placing orders):`,
    '',
    '| load | rate | p50 ms | p99 ms | non-2xx |',
    '|---|---:|---:|---:|---:|',
    line('listings alone', `${fmt(alone.rps)} req/s`, alone),
    line('listings during order placement', `${fmt(during.rps)} req/s`, during),
    line('order placement during listings', `${fmt(orders.rps / 3)} orders/s`, orders),
    '',
  ];
}

/**
 * Cost as the catalog grows: the listing with the cache off (every request reaches the database)
 * at each of SCALES products, each seeded into a database of its own on the same server.
 */
async function measureScales(
  url: string,
  env: Record<string, string | undefined>,
  startApi: (extraEnv: Record<string, string>) => Promise<string>,
  stopApi: () => void,
): Promise<string[]> {
  const rows: string[] = [];
  // Issue 20's goal: the listing's p99 at the largest scale within 1.5 × its p99 at the smallest.
  const smallestP99 = new Map<string, number>();
  for (const scale of SCALES) {
    const name = `congocart_scale_${scale}`;
    const admin = new Pool({ connectionString: url, max: 1 });
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const scaled = new URL(url);
    scaled.pathname = `/${name}`;
    // A large seed is a few long statements.
    const scaledEnv = { ...env, DATABASE_URL: scaled.toString(), DATABASE_STATEMENT_TIMEOUT_MS: '3600000' };
    execFileSync(process.execPath, ['dist/scripts/migration.js', 'run'], { env: scaledEnv, stdio: 'inherit' });
    console.log(`\nscales: seeding ${scale} products...`);
    const seeded = Date.now();
    execFileSync(process.execPath, ['dist/scripts/seed.js', '--products', String(scale), '--allow-production'], {
      env: scaledEnv,
      stdio: 'inherit',
    });
    const seconds = ((Date.now() - seeded) / 1000).toFixed(0);
    const api = await startApi({ DATABASE_URL: scaled.toString(), CATALOG_CACHE_TTL_MS: '0' });
    let cursor: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const response = await fetch(`${api}/api/v1/products?sort=price&limit=20${cursor ? `&cursor=${cursor}` : ''}`);
      cursor = ((await response.json()) as { page: { nextCursor: string | null } }).page.nextCursor;
    }
    const paths: [string, string][] = [
      ['first page', '/api/v1/products?limit=20'],
      ['page 11 by cursor, sort=price', `/api/v1/products?sort=price&limit=20&cursor=${cursor}`],
      ['q=lamp&inStock=true', '/api/v1/products?q=lamp&inStock=true'],
    ];
    for (const [label, path] of paths) {
      console.log(`scales: ${scale} products, ${label}...`);
      const measured = await drive(api, [[{ method: 'GET', path }]]);
      if (!smallestP99.has(label)) smallestP99.set(label, measured.p99);
      const growth = measured.p99 / smallestP99.get(label)!;
      rows.push(
        `| ${fmt(scale)} | ${label} | ${fmt(measured.rps)} | ${measured.p50} | ${measured.p99} | **${growth.toFixed(2)}** ${growth <= 1.5 ? '✓' : '✗'} | ${seconds} s |`,
      );
    }
    stopApi();
  }
  return rows.length
    ? [
        'Listing as the catalog grows (cache off):',
        '',
        `| products | request | req/s | p50 ms | p99 ms | p99 / p99 at ${fmt(SCALES[0])} (goal ≤ 1.5) | seeded in |`,
        '|---:|---|---:|---:|---:|---:|---:|',
        ...rows,
        '',
      ]
    : [];
}

function goalRow(name: string, rate: number, unit: string, measured: Measured, limit: Measured, limitName: string, goal: number): string {
  const ratio = rate / limit.rps;
  return `| ${name} | ${fmt(rate)} ${unit} | ${measured.p50} | ${measured.p99} | ${limitName} ${fmt(limit.rps)}/s | **${ratio.toFixed(2)}** ${ratio >= goal ? '✓' : '✗'} | ≥ ${goal} |`;
}

interface Plan {
  api: BenchRequest[][];
  bare: BenchRequest[][];
}

async function planScenario(
  scenario: BenchScenario,
  index: number,
  context: BenchContext,
  steps: Map<string, BaselineStep>,
): Promise<Plan | undefined> {
  if (scenario.sequence) {
    const { api, baseline } = await scenario.sequence(context, CONNECTIONS);
    baseline.forEach((step, stepIndex) => steps.set(`${index}/${stepIndex}`, step));
    return {
      api: Array.from({ length: CONNECTIONS }, (_, connection) => api(connection)),
      bare: Array.from({ length: CONNECTIONS }, (_, connection) =>
        baseline.map((_step, stepIndex) => ({
          method: 'GET' as const,
          path: `/${index}/${stepIndex}`,
          headers: { 'x-connection': String(connection) },
        })),
      ),
    };
  }
  if (!scenario.request || !scenario.baseline) {
    console.warn(`Skipping ${scenario.name}: it has no request and baseline.`);
    return undefined;
  }
  const request = await scenario.request(context);
  steps.set(`${index}/0`, scenario.baseline);
  return { api: [[request]], bare: [[{ method: 'GET', path: `/${index}/0` }]] };
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  total: number;
}

/**
 * autocannon runs in a child process. Asynchronously: the bare server lives in this process and
 * must keep serving while the load runs. The spec goes through stdin (it outgrows argv).
 */
function drive(url: string, sequences: BenchRequest[][], connections = CONNECTIONS): Promise<Measured> {
  const spec = JSON.stringify({ url, connections, duration: DURATION, sequences });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'bench/drive.ts'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const result = JSON.parse(Buffer.concat(chunks).toString());
      const failures = Object.entries(result.statusCodeStats ?? {}).filter(([status]) => !status.startsWith('2'));
      if (failures.length || result.errors)
        console.warn(`  non-2xx: ${JSON.stringify(Object.fromEntries(failures))}, errors: ${result.errors}`);
      resolve({
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx + result.errors,
        total: result.requests.total,
      });
    });
    child.stdin.end(spec);
  });
}

/** The bare baseline: node:http + pg, no framework, the scenario's own SQL. */
function startBareServer(pool: Pool, steps: Map<string, BaselineStep>): Promise<Server> {
  const server = createServer(async (request, response) => {
    const step = steps.get((request.url ?? '').slice(1));
    if (!step) {
      response.writeHead(404).end();
      return;
    }
    try {
      let result: unknown;
      if ('sql' in step) {
        result = (await pool.query(step.sql, step.params as unknown[])).rows;
      } else {
        const client = await pool.connect();
        try {
          result = await step.run(client, Number(request.headers['x-connection'] ?? 0));
        } finally {
          client.release();
        }
      }
      const body = JSON.stringify({ data: result });
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function benchContext(apiUrl: string, pool: Pool): BenchContext {
  let customers = 0;
  const post = async (path: string, body: unknown) => {
    const response = await fetch(apiUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path} → ${response.status} ${await response.text()}`);
    return response.json() as Promise<{ accessToken: string }>;
  };
  return {
    apiUrl,
    sql: async (text, params) => (await pool.query(text, params as unknown[])).rows,
    customerToken: async () => {
      customers += 1;
      const session = await post('/api/v1/auth/register', {
        email: `bench-${process.pid}-${customers}@congocart.dev`,
        password: 'bench-customer-pass',
        name: 'Bench',
      });
      return session.accessToken;
    },
    adminToken: async () => (await post('/api/v1/auth/login', ADMIN)).accessToken,
  };
}

function loadScenarios(): BenchScenario[] {
  const folder = join(__dirname, 'scenarios');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .flatMap((file) => (require(join(folder, file)) as { scenarios: BenchScenario[] }).scenarios ?? []);
}

async function benchDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) {
    const name = `congocart_bench_${process.pid}`;
    const admin = new Pool({ connectionString: given, max: 1 });
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(given);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      stop: async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'congocart-bench-pg-')), database: 'congocart' });
  return embedded;
}

async function waitForReady(url: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} never became ready`);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

function fmt(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function parseArgs(argv: string[]): Record<string, string> {
  const parsed: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i].startsWith('--')) parsed[argv[i].slice(2)] = argv[i + 1] ?? 'true';
  }
  return parsed;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

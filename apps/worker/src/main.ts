import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadDotEnv, PlatformConfig } from '@congocart/shared';
import { createWorker } from './create-worker';

async function main(): Promise<void> {
  loadDotEnv();
  const logger = new Logger('Worker');
  const config = new PlatformConfig();
  if (!config.databaseUrl) {
    // Workers share the API's database; `npm start` alone already runs an embedded worker.
    throw new ConfigError('DATABASE_URL', 'is required by the worker (it shares the API instances\u2019 PostgreSQL)');
  }
  const worker = await createWorker({ config, databaseUrl: config.databaseUrl });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`${signal}: stopping`);
      worker.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  logger.log(`CongoCart worker running (health and metrics on port ${worker.port})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : ['Worker start-up failed:', error]);
  process.exit(1);
});

import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { ConfigError, loadDotEnv, PlatformConfig, resolveDatabase, ShutdownState } from '@congocart/shared';
import { createApp } from './bootstrap/create-app';
import { warnAboutDemoAccounts } from './bootstrap/demo-account-warning';
import { onFreshEmbeddedDatabase } from './bootstrap/first-run';

async function main(): Promise<void> {
  loadDotEnv();
  const logger = new Logger('Bootstrap');
  const config = new PlatformConfig();
  const database = await resolveDatabase(config, (line) => logger.log(line));
  let shuttingDown = false;
  // Serving 500s without a database helps no one: exit so that a supervisor restarts both.
  // (A Ctrl-C reaches the embedded server too: it stopping then is expected.)
  database.onUnexpectedExit((detail) => {
    if (shuttingDown) return;
    // console, not the async logger: the message must be out before the process exits.
    console.error(`The embedded database died; exiting. ${detail}`);
    process.exit(1);
  });
  let stopping = false;
  const stopDatabase = async () => {
    if (stopping) return;
    stopping = true;
    await database.stop();
  };
  try {
    const app = await createApp({ config, databaseUrl: database.url });
    // Graceful shutdown: readiness turns 503 and the listener keeps serving for SHUTDOWN_GRACE_MS
    // (load balancers and keep-alive clients move away); then Nest stops accepting, drains
    // in-flight requests and closes the pool; the embedded database stops last.
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        shuttingDown = true;
        const timer = setTimeout(() => process.exit(1), config.shutdownGraceMs + config.shutdownTimeoutMs).unref();
        app.get(ShutdownState).beginDraining();
        logger.log(`${signal}: draining for ${config.shutdownGraceMs} ms, then closing`);
        sleep(config.shutdownGraceMs)
          .then(() => app.close())
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
    console.error('Start-up failed:', error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exit(1);
});

// A real worker process for the multi-process tests: the production worker plus test-only jobs.
import 'reflect-metadata';
import { PlatformConfig } from '@congocart/shared';
import { createWorker } from '../../apps/worker/src/create-worker';
import { TestJobsModule } from './test-jobs';

async function main(): Promise<void> {
  const config = new PlatformConfig();
  const worker = await createWorker({ config, databaseUrl: config.databaseUrl!, extraModules: [TestJobsModule] });
  process.once('SIGTERM', () => void worker.close().then(() => process.exit(0)));
  process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid, port: worker.port })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import type { AddressInfo } from 'node:net';
import type { DynamicModule, INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { JobsConfig, PlatformConfig } from '@congocart/shared';
import { createWorkerHttpServer } from './worker-http';
import { WorkerModule } from './worker.module';

export interface RunningWorker {
  app: INestApplicationContext;
  port: number;
  /** Graceful: stops fetching, waits for running jobs, closes the HTTP server and the pools. */
  close(): Promise<void>;
}

/** Boots the worker (the context modules without the HTTP API) and its health/metrics server on WORKER_PORT. */
export async function createWorker(options: {
  config: PlatformConfig;
  databaseUrl: string;
  extraModules?: (Type<unknown> | DynamicModule)[];
}): Promise<RunningWorker> {
  const app = await NestFactory.createApplicationContext(WorkerModule.register(options), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  await app.init();
  const server = createWorkerHttpServer(app);
  await new Promise<void>((resolve) => server.listen(app.get(JobsConfig).workerPort, options.config.host, resolve));
  return {
    app,
    port: (server.address() as AddressInfo).port,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    },
  };
}

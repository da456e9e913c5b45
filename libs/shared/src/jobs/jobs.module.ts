import { DynamicModule, Module } from '@nestjs/common';
import { EnvReader } from '../config/env';
import { Metrics } from '../observability/metrics';
import { EventFanOut } from './event-fan-out';
import { EventOutbox } from './event-outbox';
import { EventSubscribers } from './event-subscribers';
import { JobHandlers } from './job-handlers';
import { JobQueue } from './job-queue';
import { JobWorker } from './job-worker';
import { JobsConfig } from './jobs.config';
import { PeriodicTasks } from './periodic-task';

export interface JobsOptions {
  databaseUrl: string;
  /** Run handlers and periodic tasks in this process; default: WORKER_MODE=embedded. */
  runWorker?: boolean;
}

/** The job queue, the registries contexts add to (handlers, periodic tasks, event subscribers), the outbox and the worker. */
@Module({})
export class JobsModule {
  static forRoot({ databaseUrl, runWorker }: JobsOptions): DynamicModule {
    const config = new JobsConfig(new EnvReader());
    const runs = runWorker ?? config.workerMode === 'embedded';
    return {
      module: JobsModule,
      providers: [
        { provide: JobsConfig, useValue: config },
        { provide: JobQueue, inject: [Metrics], useFactory: (metrics: Metrics) => new JobQueue(databaseUrl, config, runs, metrics) },
        JobHandlers,
        PeriodicTasks,
        EventSubscribers,
        EventOutbox,
        EventFanOut,
        {
          provide: JobWorker,
          inject: [JobQueue, JobHandlers, PeriodicTasks, Metrics],
          useFactory: (queue: JobQueue, handlers: JobHandlers, tasks: PeriodicTasks, metrics: Metrics) =>
            new JobWorker(runs, config, queue, handlers, tasks, metrics),
        },
      ],
      exports: [JobsConfig, JobQueue, JobHandlers, PeriodicTasks, EventSubscribers, EventOutbox],
    };
  }
}

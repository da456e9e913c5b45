import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Metrics } from '../observability/metrics';
import type { JobHandler } from './job-handlers';
import { JobHandlers } from './job-handlers';
import { JobQueue } from './job-queue';
import type { PeriodicTask } from './periodic-task';
import { PeriodicTasks } from './periodic-task';
import type { JobsConfig } from './jobs.config';

export function periodicQueue(task: Pick<PeriodicTask, 'id'>): string {
  return `periodic.${task.id}`;
}

/**
 * Runs the job handlers and the periodic tasks (in `npm run start:worker`, or inside the API with
 * WORKER_MODE=embedded). A periodic task runs once per interval across every worker: each worker
 * offers a run for the current interval slot (pg-boss singleton key + slot), only the first offer
 * is stored, and one worker takes it.
 */
export class JobWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Worker');
  private readonly timers: NodeJS.Timeout[] = [];
  private started = false;

  constructor(
    private readonly enabled: boolean,
    private readonly config: JobsConfig,
    private readonly queue: JobQueue,
    private readonly handlers: JobHandlers,
    private readonly tasks: PeriodicTasks,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    for (const task of this.tasks.list()) {
      this.handlers.add({ queue: periodicQueue(task), retryLimit: 0, handle: () => task.run() });
    }
    this.handlers.onAdd((handler) => void this.work(handler).catch((error: unknown) => this.logger.error({ err: error }, 'Worker failed to start a queue')));
    for (const handler of this.handlers.list()) await this.work(handler);
    for (const task of this.tasks.list()) {
      await this.offerRun(task);
      const timer = setInterval(() => void this.offerRun(task), task.intervalSeconds * 1000);
      timer.unref();
      this.timers.push(timer);
    }
    this.started = true;
    this.logger.log(`Worker running ${this.handlers.list().length} queue(s), ${this.tasks.list().length} periodic task(s)`);
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearInterval(timer);
    if (this.started) this.logger.log('Worker stopping: no new jobs are fetched; running ones finish or return to their queue');
  }

  private async work(handler: JobHandler): Promise<void> {
    await this.queue.ensureQueue(handler.queue, handler);
    await this.queue.boss.work<unknown>(
      handler.queue,
      { pollingIntervalSeconds: this.config.pollIntervalSeconds, batchSize: 1 },
      async ([job]) => {
        const started = Date.now();
        const eventId = eventIdOf(job.data);
        try {
          await handler.handle(job.data, { id: job.id });
        } catch (error) {
          this.metrics.jobRuns.inc({ queue: handler.queue, outcome: 'failed' });
          this.logger.warn({ job: { queue: handler.queue, id: job.id, eventId, outcome: 'failed', durationMs: Date.now() - started }, err: error }, 'job run');
          throw error;
        }
        this.metrics.jobRuns.inc({ queue: handler.queue, outcome: 'completed' });
        this.logger.log({ job: { queue: handler.queue, id: job.id, eventId, outcome: 'completed', durationMs: Date.now() - started } }, 'job run');
      },
    );
  }

  private async offerRun(task: PeriodicTask): Promise<void> {
    try {
      await this.queue.boss.send(periodicQueue(task), {}, { singletonKey: task.id, singletonSeconds: task.intervalSeconds });
    } catch (error) {
      this.logger.error({ err: error }, `Could not offer a run of ${task.id}`);
    }
  }
}

function eventIdOf(data: unknown): string | undefined {
  const candidate = data as { id?: unknown; type?: unknown; occurredAt?: unknown } | null;
  return candidate && typeof candidate.id === 'string' && typeof candidate.type === 'string' && candidate.occurredAt ? candidate.id : undefined;
}

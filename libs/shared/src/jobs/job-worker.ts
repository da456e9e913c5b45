import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Metrics } from '../observability/metrics';
import type { JobHandler } from './job-handlers';
import { JobHandlers } from './job-handlers';
import { JobQueue } from './job-queue';
import type { PeriodicTask } from './periodic-task';
import { PeriodicTasks } from './periodic-task';
import { JobRun, QueueConsumer } from './queue-consumer';
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
  private readonly consumers: QueueConsumer[] = [];
  private started = false;
  private stopped = false;

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
    this.handlers.onAdd(
      (handler) => void this.work(handler).catch((error: unknown) => this.logger.error({ err: error }, 'Worker failed to start a queue')),
    );
    for (const handler of this.handlers.list()) await this.work(handler);
    // The first run is one interval after start-up, as for a timer: a restart loop must not become a run loop.
    for (const task of this.tasks.list()) {
      const timer = setInterval(() => void this.offerRun(task), task.intervalSeconds * 1000);
      timer.unref();
      this.timers.push(timer);
    }
    this.started = true;
    this.logger.log(`Worker running ${this.handlers.list().length} queue(s), ${this.tasks.list().length} periodic task(s)`);
  }

  /** Graceful stop: no new fetches; running jobs finish (a job still running at exit expires and runs again elsewhere). */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    if (!this.started) return;
    this.logger.log('Worker stopping: fetching no more jobs, waiting for the running ones');
    const deadline = new Promise((resolve) => setTimeout(resolve, this.config.shutdownTimeoutSeconds * 1000).unref());
    await Promise.race([Promise.all(this.consumers.map((consumer) => consumer.stop())), deadline]);
  }

  private async work(handler: JobHandler): Promise<void> {
    await this.queue.ensureQueue(handler.queue, handler);
    if (this.stopped) return;
    const consumer = new QueueConsumer(this.queue.boss, handler, {
      concurrency: this.config.concurrency,
      pollIntervalMs: this.config.pollIntervalSeconds * 1000,
      onRun: (run) => this.observe(run),
      onError: (error) => this.logger.error({ err: error }, `Job queue ${handler.queue} failed`),
    });
    this.consumers.push(consumer);
    consumer.start();
  }

  /** One JSON log line per run, with the event id when the job carries an event. */
  private observe({ queue, id, data, outcome, durationMs, error }: JobRun): void {
    this.metrics.jobRuns.inc({ queue, outcome });
    const job = { queue, id, eventId: eventIdOf(data), outcome, durationMs };
    if (outcome === 'failed') this.logger.warn({ job, err: error }, 'job run');
    else this.logger.log({ job }, 'job run');
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
  return candidate && typeof candidate.id === 'string' && typeof candidate.type === 'string' && candidate.occurredAt
    ? candidate.id
    : undefined;
}

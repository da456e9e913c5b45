import type PgBoss from 'pg-boss';
import type { JobHandler } from './job-handlers';

export interface JobRun {
  queue: string;
  id: string;
  data: unknown;
  outcome: 'completed' | 'failed';
  durationMs: number;
  error?: unknown;
}

/**
 * One queue's fetch loop: takes up to `concurrency` jobs at once (pg-boss fetches with SKIP LOCKED,
 * so no two workers get the same job), completes or fails each on its own, fetches again at once
 * while there is work and polls when idle. `stop()` fetches no more and waits for the running jobs.
 */
export class QueueConsumer {
  private stopping = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly boss: PgBoss,
    private readonly handler: JobHandler,
    private readonly options: {
      concurrency: number;
      pollIntervalMs: number;
      onRun: (run: JobRun) => void;
      onError: (error: unknown) => void;
    },
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let jobs: PgBoss.Job<unknown>[] = [];
      try {
        jobs = (await this.boss.fetch<unknown>(this.handler.queue, { batchSize: this.options.concurrency })) ?? [];
      } catch (error) {
        this.options.onError(error); // then wait as when idle: a database outage must not become a busy loop
      }
      if (jobs.length) await Promise.all(jobs.map((job) => this.runOne(job)));
      else await this.idle();
    }
  }

  private async runOne(job: PgBoss.Job<unknown>): Promise<void> {
    const started = Date.now();
    const run = { queue: this.handler.queue, id: job.id, data: job.data };
    try {
      await this.handler.handle(job.data, { id: job.id });
    } catch (error) {
      await this.boss
        .fail(this.handler.queue, job.id, { message: error instanceof Error ? error.message : String(error) })
        .catch(this.options.onError);
      this.options.onRun({ ...run, outcome: 'failed', durationMs: Date.now() - started, error });
      return;
    }
    await this.boss.complete(this.handler.queue, job.id).catch(this.options.onError);
    this.options.onRun({ ...run, outcome: 'completed', durationMs: Date.now() - started });
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}

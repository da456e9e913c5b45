import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EnvReader, JobHandlers, JobRetryPolicy, PeriodicTasks } from '@congocart/shared';

export const TEST_WORK_QUEUE = 'test.work';
/** Short timeout so that a killed worker's job is handed out again quickly. */
export const TEST_WORK_POLICY: JobRetryPolicy = { retryLimit: 3, retryDelaySeconds: 0, backoff: false, timeoutSeconds: 2 };

export interface TestWork {
  n: number;
  sleepMs: number;
  /** The first run hangs (to be killed); a later run completes. */
  hangOnFirstRun?: boolean;
}

/** Test-only jobs for the worker processes: every run is recorded in `test_job_runs`, every periodic run in `test_ticks`. */
@Injectable()
class TestJobs implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly tasks: PeriodicTasks,
    private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.handlers.add<TestWork>({ ...TEST_WORK_POLICY, queue: TEST_WORK_QUEUE, handle: (data, job) => this.work(data, job.id) });
    const tickSeconds = new EnvReader().int('TEST_TICK_SECONDS', 0, { min: 0 });
    if (tickSeconds > 0) {
      this.tasks.add({
        id: 'test.tick',
        intervalSeconds: tickSeconds,
        run: () => this.db.query(`INSERT INTO test_ticks (pid, at) VALUES ($1, clock_timestamp())`, [process.pid]),
      });
    }
  }

  private async work(data: TestWork, jobId: string): Promise<void> {
    const [{ earlier }] = await this.db.query(`SELECT count(*)::int AS earlier FROM test_job_runs WHERE job_id = $1`, [jobId]);
    const [{ id }] = await this.db.query(
      `INSERT INTO test_job_runs (job_id, n, pid, started_at) VALUES ($1, $2, $3, clock_timestamp()) RETURNING id`,
      [jobId, data.n, process.pid],
    );
    await sleep(data.hangOnFirstRun && earlier === 0 ? 120_000 : data.sleepMs);
    await this.db.query(`UPDATE test_job_runs SET finished_at = clock_timestamp() WHERE id = $1`, [id]);
  }
}

@Module({ providers: [TestJobs] })
export class TestJobsModule {}

export const TEST_JOBS_TABLES = `
  CREATE TABLE IF NOT EXISTS test_job_runs (id serial PRIMARY KEY, job_id uuid NOT NULL, n int NOT NULL, pid int NOT NULL,
                                            started_at timestamptz NOT NULL, finished_at timestamptz);
  CREATE TABLE IF NOT EXISTS test_ticks (id serial PRIMARY KEY, pid int NOT NULL, at timestamptz NOT NULL)`;

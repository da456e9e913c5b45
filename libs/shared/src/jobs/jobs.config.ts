import { EnvReader } from '../config/env';

export type WorkerMode = 'embedded' | 'off';

/** The job queue (pg-boss on the application's PostgreSQL) and the worker. */
export class JobsConfig {
  /** `embedded`: this process also runs jobs and periodic tasks; `off`: it only enqueues (API instances). */
  readonly workerMode: WorkerMode;
  /** How often an idle worker polls each queue. */
  readonly pollIntervalSeconds: number;
  /** Jobs of one queue a worker runs at once. */
  readonly concurrency: number;
  /** How often expired runs (a crashed worker's) are returned to their queue. */
  readonly maintenanceIntervalSeconds: number;
  /** A run active for longer is considered crashed and retried. */
  readonly jobTimeoutSeconds: number;
  /** How long a stopping worker waits for its running jobs. */
  readonly shutdownTimeoutSeconds: number;
  /** Port of the worker process's health and metrics server. */
  readonly workerPort: number;
  readonly poolSize: number;

  constructor(env: EnvReader = new EnvReader()) {
    this.workerMode = env.oneOf('WORKER_MODE', ['embedded', 'off'] as const, 'embedded');
    this.pollIntervalSeconds = env.int('JOBS_POLL_INTERVAL_SECONDS', 2, { min: 1, max: 300 });
    this.concurrency = env.int('JOBS_CONCURRENCY', 5, { min: 1, max: 100 });
    this.maintenanceIntervalSeconds = env.int('JOBS_MAINTENANCE_INTERVAL_SECONDS', 60, { min: 1, max: 3600 });
    this.jobTimeoutSeconds = env.int('JOBS_TIMEOUT_SECONDS', 900, { min: 1, max: 86_400 });
    this.shutdownTimeoutSeconds = env.int('JOBS_SHUTDOWN_TIMEOUT_SECONDS', 30, { min: 1, max: 3600 });
    this.workerPort = env.int('WORKER_PORT', 3001, { min: 0, max: 65535 });
    this.poolSize = env.int('JOBS_POOL_SIZE', 4, { min: 2, max: 100 });
  }
}

import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { Gauge } from 'prom-client';
import type { Metrics } from '../observability/metrics';
import { FAN_OUT_POLICY, FAN_OUT_QUEUE } from './fan-out-queue';
import type { JobRetryPolicy } from './job-handlers';
import type { JobsConfig } from './jobs.config';

export const JOBS_SCHEMA = 'pgboss';

export interface QueueStats {
  name: string;
  queued: number;
  active: number;
  /** Failed at least once, with a retry still to come. */
  failed: number;
  /** Out of retries. */
  dead: number;
  /** Age in seconds of the oldest job waiting to run (queued or retrying), 0 when none. */
  oldestAgeSeconds: number;
}

interface StatsRow {
  name: string;
  queued: string;
  active: string;
  failed: string;
  dead: string;
  oldest_age_seconds: string | null;
}

// pg-boss states: created → active → completed; a failed run goes to retry, and to failed when none are left.
const STATS_SQL = `
  SELECT q.name,
         count(j.id) FILTER (WHERE j.state = 'created') AS queued,
         count(j.id) FILTER (WHERE j.state = 'active') AS active,
         count(j.id) FILTER (WHERE j.state = 'retry') AS failed,
         count(j.id) FILTER (WHERE j.state = 'failed') AS dead,
         extract(epoch FROM now() - min(j.created_on) FILTER (WHERE j.state IN ('created', 'retry'))) AS oldest_age_seconds
  FROM ${JOBS_SCHEMA}.queue q
  LEFT JOIN ${JOBS_SCHEMA}.job j ON j.name = q.name
  GROUP BY q.name
  ORDER BY q.name`;

/**
 * The PostgreSQL job queue (pg-boss, schema `pgboss` in the application's database). Its schema
 * is installed or upgraded idempotently at start-up by pg-boss itself (under an advisory lock,
 * so several processes may start at once). Every process starts it, API instances included:
 * they enqueue inside their business transactions.
 */
export class JobQueue implements OnModuleInit, OnApplicationShutdown {
  readonly boss: PgBoss;
  private readonly logger = new Logger('Jobs');
  private readonly ensured = new Set<string>();

  constructor(
    databaseUrl: string,
    private readonly config: JobsConfig,
    runsWorker: boolean,
    metrics: Metrics,
  ) {
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: JOBS_SCHEMA,
      max: config.poolSize,
      application_name: 'congocart-jobs',
      migrate: true,
      // Maintenance (returning expired runs, archiving) is the workers' business; cron is unused.
      supervise: runsWorker,
      schedule: false,
      maintenanceIntervalSeconds: config.maintenanceIntervalSeconds,
      expireInSeconds: config.jobTimeoutSeconds,
    });
    this.boss.on('error', (error: Error) => this.logger.error({ err: error }, 'Job queue error'));
    this.registerGauges(metrics);
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    await this.ensureQueue(FAN_OUT_QUEUE, FAN_OUT_POLICY);
  }

  /** After the worker has stopped (its consumers stop in onModuleDestroy, which runs first). */
  async onApplicationShutdown(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true, close: true });
  }

  /** Creates the queue with its retry policy, or updates the policy (idempotent, safe across processes). */
  async ensureQueue(name: string, policy: JobRetryPolicy = {}): Promise<void> {
    if (this.ensured.has(name)) return;
    const options: PgBoss.Queue = {
      name,
      retryLimit: policy.retryLimit ?? 2,
      retryDelay: policy.retryDelaySeconds ?? 5,
      retryBackoff: policy.backoff ?? true,
      expireInSeconds: policy.timeoutSeconds ?? this.config.jobTimeoutSeconds,
    };
    if (await this.boss.getQueue(name)) await this.boss.updateQueue(name, options);
    else await this.createQueue(name, options);
    this.ensured.add(name);
  }

  /**
   * Two processes starting together may both create a queue: one may then fail (unique violation,
   * or a deadlock on pg-boss's partition DDL). The queue exists once the other commits; else retry.
   */
  private async createQueue(name: string, options: PgBoss.Queue): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.boss.createQueue(name, options);
      } catch (error) {
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
        if (await this.boss.getQueue(name)) return;
        if (attempt >= 5) throw error;
      }
    }
  }

  async stats(): Promise<QueueStats[]> {
    const { rows } = (await this.boss.getDb().executeSql(STATS_SQL, [])) as { rows: StatsRow[] };
    return rows.map((row) => ({
      name: row.name,
      queued: Number(row.queued),
      active: Number(row.active),
      failed: Number(row.failed),
      dead: Number(row.dead),
      oldestAgeSeconds: row.oldest_age_seconds === null ? 0 : Math.max(0, Number(row.oldest_age_seconds)),
    }));
  }

  async ping(): Promise<void> {
    await this.boss.getDb().executeSql(`SELECT 1 FROM ${JOBS_SCHEMA}.version`, []);
  }

  private registerGauges(metrics: Metrics): void {
    let last: Promise<QueueStats[]> | null = null;
    // One stats query per scrape, shared by both gauges.
    const current = () => (last ??= this.stats().finally(() => setTimeout(() => (last = null), 100)));
    new Gauge({
      name: 'jobs_queue_depth',
      help: 'Jobs waiting to run (queued or retrying), by queue',
      labelNames: ['queue'] as const,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const s of await current().catch(() => [])) this.set({ queue: s.name }, s.queued + s.failed);
      },
    });
    new Gauge({
      name: 'jobs_oldest_waiting_age_seconds',
      help: 'Age of the oldest job waiting to run, by queue',
      labelNames: ['queue'] as const,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const s of await current().catch(() => [])) this.set({ queue: s.name }, s.oldestAgeSeconds);
      },
    });
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import type { PeriodicTask } from '../jobs/periodic-task';
import { PeriodicTasks } from '../jobs/periodic-task';
import { IdempotencyConfig } from './idempotency.config';
import { IdempotencyStore } from './idempotency.store';

/** Deletes expired Idempotency-Key records, once per interval across all workers. */
@Injectable()
export class IdempotencyPurgeTask implements PeriodicTask, OnModuleInit {
  readonly id = 'idempotency-keys.purge';
  readonly intervalSeconds: number;

  constructor(
    private readonly tasks: PeriodicTasks,
    private readonly store: IdempotencyStore,
    config: IdempotencyConfig,
  ) {
    this.intervalSeconds = config.purgeIntervalSeconds;
  }

  onModuleInit(): void {
    this.tasks.add(this);
  }

  run(): Promise<number> {
    return this.store.purgeExpired();
  }
}

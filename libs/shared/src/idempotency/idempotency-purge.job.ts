import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IdempotencyConfig } from './idempotency.config';
import { IdempotencyStore } from './idempotency.store';

const JOB = 'idempotency-keys.purge';

/** Deletes expired Idempotency-Key records now and then; harmless when several instances run it. */
@Injectable()
export class IdempotencyPurgeJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IdempotencyPurgeJob.name);
  private running = false;

  constructor(
    private readonly scheduler: SchedulerRegistry,
    private readonly store: IdempotencyStore,
    private readonly config: IdempotencyConfig,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => void this.run(), this.config.purgeIntervalSeconds * 1000);
    timer.unref();
    this.scheduler.addInterval(JOB, timer);
  }

  onModuleDestroy(): void {
    if (this.scheduler.doesExist('interval', JOB)) this.scheduler.deleteInterval(JOB);
  }

  async run(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const purged = await this.store.purgeExpired();
      if (purged) this.logger.log(`Purged ${purged} expired idempotency key(s)`);
      return purged;
    } catch (error) {
      this.logger.error({ err: error }, 'Purging idempotency keys failed');
      return 0;
    } finally {
      this.running = false;
    }
  }
}

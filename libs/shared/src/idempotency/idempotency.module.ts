import { Module } from '@nestjs/common';
import { IdempotencyConfig } from './idempotency.config';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyPurgeJob } from './idempotency-purge.job';
import { IdempotencyStore } from './idempotency.store';

/**
 * Import into a context module whose controllers use @Idempotent(). Needs the database
 * (TypeOrmModule.forRoot) and the scheduler (ScheduleModule.forRoot) registered once by the app.
 */
@Module({
  providers: [
    { provide: IdempotencyConfig, useFactory: () => new IdempotencyConfig() },
    IdempotencyStore,
    IdempotencyInterceptor,
    IdempotencyPurgeJob,
  ],
  exports: [IdempotencyStore, IdempotencyInterceptor, IdempotencyConfig],
})
export class IdempotencyModule {}

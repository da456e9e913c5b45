import { Module } from '@nestjs/common';
import { IdempotencyConfig } from './idempotency.config';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyPurgeTask } from './idempotency-purge.task';
import { IdempotencyStore } from './idempotency.store';

/**
 * Import into a context module whose controllers use @Idempotent(). Needs the database
 * (TypeOrmModule.forRoot) and the platform's periodic-task registry (PlatformModule).
 */
@Module({
  providers: [
    { provide: IdempotencyConfig, useFactory: () => new IdempotencyConfig() },
    IdempotencyStore,
    IdempotencyInterceptor,
    IdempotencyPurgeTask,
  ],
  exports: [IdempotencyStore, IdempotencyInterceptor, IdempotencyConfig],
})
export class IdempotencyModule {}

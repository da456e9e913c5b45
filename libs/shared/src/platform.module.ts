import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { ClusterNotifications, PostgresClusterNotifications, RedisClusterNotifications } from './cluster';
import { PlatformConfig } from './config/platform.config';
import { AfterCommit } from './database/after-commit';
import { dataSourceOptions } from './database/data-source-options';
import { StatementCountingLogger } from './database/statement-count';
import { ProblemFilter } from './errors/problem.filter';
import { JobsModule } from './jobs/jobs.module';
import { HealthController } from './observability/health.controller';
import { loggerOptions } from './observability/logger.options';
import { Metrics } from './observability/metrics';
import { ShutdownState } from './observability/shutdown-state';
import { useCursorSigningKey } from './paging/cursor';
import { ClientRateLimitHook } from './rate-limit/client-rate-limit.hook';
import { MemoryRateLimitStore } from './rate-limit/memory-rate-limit.store';
import { RateLimitConfig } from './rate-limit/rate-limit.config';
import { RateLimitStore } from './rate-limit/rate-limit.store';
import { RateLimiter } from './rate-limit/rate-limiter';
import { RedisRateLimitStore } from './rate-limit/redis-rate-limit.store';
import { UserRateLimitInterceptor } from './rate-limit/user-rate-limit.interceptor';
import { RedisConnection } from './redis/redis-connection';
import { SealedBox } from './signing/sealed-box';
import { createValidationPipe } from './validation/validation.pipe';

export interface PlatformOptions {
  config: PlatformConfig;
  databaseUrl: string;
  /** Run job handlers and periodic tasks here (apps/worker); default: WORKER_MODE=embedded. */
  runWorker?: boolean;
}

/**
 * Config, database + ambient transactions, Redis (optional), logging, errors, validation, health
 * and metrics, the job queue and worker, cluster notifications.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot({ config, databaseUrl, runWorker }: PlatformOptions): DynamicModule {
    useCursorSigningKey(config.cursorKey);
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, {
            poolSize: config.databasePoolSize,
            migrationsRun: config.migrationsRun,
            bounds: {
              connectTimeoutMs: config.databaseConnectTimeoutMs,
              statementTimeoutMs: config.databaseStatementTimeoutMs,
              idleInTransactionTimeoutMs: config.databaseIdleInTransactionTimeoutMs,
            },
          }),
          autoLoadEntities: true,
          ...(config.queryCountHeader && { logger: new StatementCountingLogger() }),
        }),
        ClsModule.forRoot({
          global: true,
          // No context per request: a transaction opens its own (@Transactional), and nothing else
          // reads one; public reads pay for no AsyncLocalStorage store, no middleware bridge.
          middleware: { mount: false },
          plugins: [
            new ClsPluginTransactional({
              imports: [TypeOrmModule],
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
            }),
          ],
        }),
        TerminusModule.forRoot({ logger: false }),
        JobsModule.forRoot({ databaseUrl, runWorker }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: PlatformConfig, useValue: config },
        Metrics,
        ShutdownState,
        RedisConnection,
        {
          provide: ClusterNotifications,
          inject: [RedisConnection],
          useFactory: (redis: RedisConnection) =>
            redis.client ? new RedisClusterNotifications(redis.client) : new PostgresClusterNotifications(databaseUrl),
        },
        AfterCommit,
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: RateLimitConfig, useFactory: () => new RateLimitConfig() },
        {
          provide: RateLimitStore,
          inject: [RedisConnection, RateLimitConfig],
          useFactory: (redis: RedisConnection, limits: RateLimitConfig) =>
            redis.client ? new RedisRateLimitStore(redis.client, limits.keyPrefix) : new MemoryRateLimitStore(),
        },
        RateLimiter,
        ClientRateLimitHook,
        SealedBox,
        { provide: APP_INTERCEPTOR, useClass: UserRateLimitInterceptor },
      ],
      exports: [
        PlatformConfig,
        Metrics,
        ShutdownState,
        RedisConnection,
        ClusterNotifications,
        JobsModule,
        AfterCommit,
        RateLimitConfig,
        RateLimiter,
        SealedBox,
        ClientRateLimitHook,
      ],
    };
  }
}

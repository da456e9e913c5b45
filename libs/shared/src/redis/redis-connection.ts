import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { PlatformConfig } from '../config/platform.config';

/**
 * The one Redis connection of an API instance, when REDIS_URL is set: rate limits and the
 * catalog cache share it so that several instances share their state. Undefined otherwise.
 */
@Injectable()
export class RedisConnection implements OnModuleInit, OnApplicationShutdown {
  readonly client: Redis | undefined;
  private readonly logger = new Logger('Redis');

  constructor(platform: PlatformConfig) {
    if (!platform.redisUrl) return;
    // Fail fast rather than queue: a request must not wait while Redis is away (no offline queue;
    // callers also skip it at once while it is not ready, see RedisCircuit).
    this.client = new Redis(platform.redisUrl, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 2_000,
      commandTimeout: 500,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    let lastError = '';
    // ioredis retries forever and repeats the same error on every attempt: log each change once.
    this.client.on('error', (error: Error) => {
      if (error.message !== lastError) this.logger.warn(`Redis: ${error.message}`);
      lastError = error.message;
    });
    this.client.on('ready', () => (lastError = ''));
  }

  /** Without an offline queue, commands sent before the first connect fail: give it a moment at start-up. */
  async onModuleInit(): Promise<void> {
    if (!this.client || this.client.status === 'ready') return;
    // Not events.once: it would reject on the first connection error (Redis down must not stop start-up).
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2_000);
      this.client!.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.client) return;
    // QUIT on a connection that is still (re)connecting would wait for it; stop the retries instead.
    if (this.client.status !== 'ready') return this.client.disconnect();
    await this.client.quit().catch(() => this.client?.disconnect());
  }
}

import { Logger, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { assertChannel, ClusterNotifications } from './cluster-notifications';

const PREFIX = 'congocart:cluster:';

/** Redis pub/sub (REDIS_URL set): publishes on the shared connection, listens on a duplicate of it. */
export class RedisClusterNotifications extends ClusterNotifications implements OnApplicationShutdown {
  private readonly logger = new Logger('ClusterNotifications');
  private readonly listeners = new Map<string, ((message: string) => void)[]>();
  private subscriber: Redis | null = null;

  constructor(private readonly redis: Redis) {
    super();
  }

  async publish(channel: string, message = ''): Promise<void> {
    assertChannel(channel);
    await this.redis
      .publish(PREFIX + channel, message)
      .catch((error: unknown) => this.logger.warn(`Not published on ${channel}: ${String(error)}`));
  }

  async subscribe(channel: string, listener: (message: string) => void): Promise<void> {
    assertChannel(channel);
    if (!this.subscriber) {
      this.subscriber = this.redis.duplicate();
      this.subscriber.on('error', () => undefined); // the shared connection already logs Redis trouble
      this.subscriber.on('message', (name: string, message: string) => {
        for (const each of this.listeners.get(name.slice(PREFIX.length)) ?? []) each(message);
      });
    }
    const known = this.listeners.get(channel);
    this.listeners.set(channel, [...(known ?? []), listener]);
    if (!known) await this.subscriber.subscribe(PREFIX + channel);
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }
}

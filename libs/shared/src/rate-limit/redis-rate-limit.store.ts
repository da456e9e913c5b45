import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { MemoryRateLimitStore } from './memory-rate-limit.store';
import { RateLimitStore, WindowCount } from './rate-limit.store';

const HIT = `
local count = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
return {count, left}
`;

interface HitScript {
  congocartRateHit(key: string, windowMs: number): Promise<[number, number]>;
}

/**
 * Counters in Redis, shared by every instance. While Redis is not ready or fails, this instance
 * counts in process instead: the general limits keep working (per instance) and a request never
 * waits on an absent Redis. (Sign-in limits fail closed instead; see identity.)
 */
export class RedisRateLimitStore extends RateLimitStore {
  private readonly logger = new Logger('RateLimits');
  private readonly fallback = new MemoryRateLimitStore();
  private readonly script: HitScript;
  private warned = false;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {
    super();
    if (!('congocartRateHit' in redis)) redis.defineCommand('congocartRateHit', { numberOfKeys: 1, lua: HIT });
    this.script = redis as unknown as HitScript;
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    if (this.redis.status !== 'ready') return this.fallback.hit(key, windowMs);
    try {
      const [count, resetMs] = await this.script.congocartRateHit(`${this.keyPrefix}rate:${key}`, windowMs);
      this.warned = false;
      return { count, resetMs };
    } catch (error) {
      if (!this.warned) this.logger.warn(`Rate limits counted in process: Redis failed (${(error as Error).message})`);
      this.warned = true;
      return this.fallback.hit(key, windowMs);
    }
  }
}

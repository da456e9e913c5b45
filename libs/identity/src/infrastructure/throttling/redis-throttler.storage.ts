import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { redisCircuit } from '@congocart/shared';
import { orUnavailable } from './redis-unavailable';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Fixed window of `ttl` ms per key; the hit beyond `limit` blocks the key for `blockDuration` ms
 * and a fresh window starts when the block ends. One Lua script, so concurrent hits from several
 * API instances are counted atomically. Returns [hits, ms to window end, blocked 0|1, ms to unblock].
 */
const INCREMENT = `
local ttl = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local block = tonumber(ARGV[3])
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  return {tonumber(redis.call('GET', KEYS[2]) or limit + 1), blockLeft, 1, blockLeft}
end
local hits = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ttl)
  left = ttl
end
if hits > limit then
  if block > 0 then
    redis.call('SET', KEYS[2], hits, 'PX', block)
    redis.call('DEL', KEYS[1])
    return {hits, block, 1, block}
  end
  return {hits, left, 1, left}
end
return {hits, left, 0, 0}
`;

interface ThrottleScript {
  congocartThrottle(
    hitsKey: string,
    blockKey: string,
    ttl: number,
    limit: number,
    blockDuration: number,
  ): Promise<[number, number, number, number]>;
}

/** A ThrottlerStorage in Redis, so that several API instances share one budget per client. */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {
    if (!('congocartThrottle' in redis)) redis.defineCommand('congocartThrottle', { numberOfKeys: 2, lua: INCREMENT });
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    // The braces are a cluster hash tag: both keys of one counter live in the same slot.
    const base = `${this.keyPrefix}throttle:{${throttlerName}:${key}}`;
    const script = this.redis as unknown as ThrottleScript;
    const [totalHits, msToExpire, blocked, msToUnblock] = await orUnavailable(
      redisCircuit(this.redis).run(() => script.congocartThrottle(`${base}:hits`, `${base}:block`, ttl, limit, blockDuration)),
    );
    return {
      totalHits,
      timeToExpire: Math.ceil(msToExpire / 1000),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.ceil(msToUnblock / 1000),
    };
  }
}

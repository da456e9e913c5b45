import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RedisCircuit, redisCircuit } from '@congocart/shared';
import { LoginFailureLimiter } from '../../application/login-failure-limiter.port';
import { orUnavailable } from './redis-unavailable';

const BEGIN = `
local count = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
return {count, left}
`;

const FORGIVE = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return 0
`;

interface FailureScripts {
  congocartLoginBegin(key: string, windowMs: number): Promise<[number, number]>;
  congocartLoginForgive(key: string): Promise<number>;
}

/** Failure counts in Redis, shared by every API instance; keys hold a hash, not the address. */
export class RedisLoginFailureLimiter extends LoginFailureLimiter {
  private readonly scripts: FailureScripts;
  private readonly circuit: RedisCircuit;

  constructor(
    redis: Redis,
    private readonly keyPrefix: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    super();
    if (!('congocartLoginBegin' in redis)) {
      redis.defineCommand('congocartLoginBegin', { numberOfKeys: 1, lua: BEGIN });
      redis.defineCommand('congocartLoginForgive', { numberOfKeys: 1, lua: FORGIVE });
    }
    this.scripts = redis as unknown as FailureScripts;
    this.circuit = redisCircuit(redis);
  }

  async begin(email: string): Promise<{ retryAfterSeconds: number } | null> {
    const [count, msLeft] = await orUnavailable(this.circuit.run(() => this.scripts.congocartLoginBegin(this.key(email), this.windowMs)));
    return count > this.limit ? { retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) } : null;
  }

  async forgive(email: string): Promise<void> {
    await orUnavailable(this.circuit.run(() => this.scripts.congocartLoginForgive(this.key(email))));
  }

  private key(email: string): string {
    return `${this.keyPrefix}login-failures:${createHash('sha256').update(email).digest('base64url')}`;
  }
}

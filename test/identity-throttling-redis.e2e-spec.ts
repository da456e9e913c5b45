import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisThrottlerStorage } from '../libs/identity/src/infrastructure/throttling/redis-throttler.storage';
import { RedisLoginFailureLimiter } from '../libs/identity/src/infrastructure/throttling/redis-login-failure.limiter';
import { startTestApp, TestApp } from './support/test-app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Jest cannot choose describe/describe.skip asynchronously, so ask a child process to PING. */
function redisAnswers(url: string): boolean {
  const probe = `
    const { hostname, port } = new URL(process.argv[1]);
    const socket = require('node:net').connect(Number(port) || 6379, hostname, () => socket.write('PING\\r\\n'));
    socket.setTimeout(1500, () => process.exit(1));
    socket.on('data', (data) => process.exit(String(data).startsWith('+PONG') ? 0 : 1));
    socket.on('error', () => process.exit(1));`;
  return spawnSync(process.execPath, ['-e', probe, url], { timeout: 3000 }).status === 0;
}

const redisUp = redisAnswers(REDIS_URL);
if (!redisUp)
  console.warn(`identity-throttling-redis: SKIPPED, no Redis answers PING at ${REDIS_URL} (set TEST_REDIS_URL or start Redis to run it)`);
const describeWithRedis = redisUp ? describe : describe.skip;

describeWithRedis('identity: throttling in Redis (shared by API instances)', () => {
  const prefix = `congocart-test:${randomBytes(6).toString('hex')}:`;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  describe('RedisThrottlerStorage', () => {
    it('counts hits in a window and blocks the hit beyond the limit, with the time to wait', async () => {
      const storage = new RedisThrottlerStorage(redis, prefix);
      const results = [];
      for (let hit = 0; hit < 4; hit += 1) results.push(await storage.increment('count', 60_000, 3, 30_000, 'unit'));
      expect(results.map((result) => [result.totalHits, result.isBlocked])).toEqual([
        [1, false],
        [2, false],
        [3, false],
        [4, true],
      ]);
      expect(results[0].timeToExpire).toBe(60);
      expect(results[3].timeToBlockExpire).toBe(30);
      expect((await storage.increment('count', 60_000, 3, 30_000, 'unit')).isBlocked).toBe(true);
    });

    it('is atomic under parallel hits', async () => {
      const storage = new RedisThrottlerStorage(redis, prefix);
      const results = await Promise.all(Array.from({ length: 40 }, () => storage.increment('parallel', 60_000, 10, 60_000, 'unit')));
      expect(results.filter((result) => !result.isBlocked)).toHaveLength(10);
    });

    it('starts a fresh window once the block is over', async () => {
      const storage = new RedisThrottlerStorage(redis, prefix);
      await storage.increment('expiry', 200, 1, 200, 'unit');
      expect((await storage.increment('expiry', 200, 1, 200, 'unit')).isBlocked).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await storage.increment('expiry', 200, 1, 200, 'unit')).toMatchObject({ totalHits: 1, isBlocked: false });
    });
  });

  describe('RedisLoginFailureLimiter', () => {
    it('refuses beyond the limit, gives slots back to successes, and stores no address', async () => {
      const limiter = new RedisLoginFailureLimiter(redis, prefix, 2, 60_000);
      expect(await limiter.begin('eve@example.com')).toBeNull();
      await limiter.forgive('eve@example.com'); // a success
      expect(await limiter.begin('eve@example.com')).toBeNull();
      expect(await limiter.begin('eve@example.com')).toBeNull();
      const refusal = await limiter.begin('eve@example.com');
      expect(refusal?.retryAfterSeconds).toBeGreaterThanOrEqual(59);
      expect(refusal?.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect((await redis.keys(`${prefix}*`)).some((key) => key.includes('eve'))).toBe(false);
    });
  });

  describe('two API instances with REDIS_URL', () => {
    let one: TestApp;
    let two: TestApp;
    beforeAll(async () => {
      const env = {
        REDIS_URL,
        RATE_LIMIT_KEY_PREFIX: `${prefix}apps:`,
        AUTH_REQUESTS_PER_MINUTE_PER_IP: '8',
        LOGIN_FAILURES_PER_MINUTE: '3',
      };
      one = await startTestApp(env);
      two = await startTestApp(env);
    });
    afterAll(async () => {
      await one?.close();
      await two?.close();
    });

    it('share the failed sign-in count of an address', async () => {
      const attempt = (app: TestApp) => app.http.post('/api/v1/auth/login', { email: 'shared@example.com', password: 'wrong password' });
      expect([(await attempt(one)).status, (await attempt(two)).status, (await attempt(one)).status]).toEqual([401, 401, 401]);
      const refused = await attempt(two);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    });

    it('share the per-IP budget', async () => {
      // 4 requests were spent above; 4 more are allowed across both instances.
      const statuses = [];
      for (const app of [one, two, one, two]) statuses.push((await app.http.post('/api/v1/auth/refresh', { refreshToken: 'x' })).status);
      expect(statuses).toEqual([401, 401, 401, 401]);
      const refused = await one.http.post('/api/v1/auth/refresh', { refreshToken: 'x' });
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await two.http.post('/api/v1/auth/refresh', { refreshToken: 'x' })).status).toBe(429);
    });
  });
});

import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisRateLimitStore } from '@congocart/shared';
import { registerCustomer } from './support/accounts';
import { expectProblemWithHeaders } from './support/problems';
import { describeWithRedis, TEST_REDIS_URL } from './support/redis-probe';
import { startTestApp, TestApp } from './support/test-app';

/** Issue 12 findings 8 (general limits, guest carts) and 11 (TRUST_PROXY). */
describe('security: general rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_READS_PER_IP: '6',
      RATE_LIMIT_SEARCHES_PER_IP: '2',
      RATE_LIMIT_GUEST_CARTS_PER_IP: '3',
      RATE_LIMIT_WRITES_PER_USER: '3',
      TRUST_PROXY: '1',
    });
  });
  afterAll(() => t?.close());

  /** Each test is its own client behind the one trusted proxy hop. */
  const client = () => ({
    'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250)}, 203.0.113.${Math.floor(Math.random() * 250)}`,
  });

  it('counts reads per client IP with RateLimit headers, then answers 429 with Retry-After', async () => {
    const headers = client();
    const answers = [];
    for (let i = 0; i < 7; i += 1) answers.push(await t.http.get('/api/v1/categories', { headers }));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200, 429]);
    expect(answers[0].headers.get('ratelimit-policy')).toBe('"reads-ip";q=6;w=60');
    expect(answers[0].headers.get('ratelimit')).toMatch(/^"reads-ip";r=5;t=\d+$/);
    expect(answers[5].headers.get('ratelimit')).toMatch(/^"reads-ip";r=0;t=\d+$/);
    const refused = answers[6];
    expectProblemWithHeaders(refused, 429, 'TOO_MANY_REQUESTS');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Health and metrics are never limited.
    expect((await t.http.get('/health/live', { headers })).status).toBe(200);
  });

  it('limits uncached searches tighter than other reads', async () => {
    const headers = client();
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await t.http.get(`/api/v1/products?q=lamp${i}`, { headers })).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await t.http.get('/api/v1/products', { headers })).status).toBe(200);
  });

  it('throttles guest-cart creation per IP', async () => {
    const headers = client();
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await t.http.post('/api/v1/carts', undefined, { headers })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('limits writes per user, whatever the IP, without touching other users', async () => {
    const [ann, bob] = await Promise.all([registerCustomer(t), registerCustomer(t)]);
    const write = (token: string) => t.http.delete('/api/v1/cart', { token, headers: client() });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await write(ann.accessToken)).status);
    expect(statuses).toEqual([204, 204, 204, 429]);
    const other = await write(bob.accessToken);
    expect(other.status).toBe(204);
    expect(other.headers.get('ratelimit-policy')).toContain('"writes-user";q=3;w=60');
  });

  it('keys on the address the trusted proxy saw: a client cannot choose its key by prepending X-Forwarded-For', async () => {
    const proxyHop = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const statuses = [];
    for (let i = 0; i < 7; i += 1)
      statuses.push((await t.http.get('/api/v1/categories', { headers: { 'x-forwarded-for': `10.0.0.${i}, ${proxyHop}` } })).status);
    expect(statuses.at(-1)).toBe(429);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY', async () => {
    const direct = await startTestApp({ RATE_LIMIT_READS_PER_IP: '2' });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i += 1)
        statuses.push((await direct.http.get('/api/v1/categories', { headers: { 'x-forwarded-for': `10.1.0.${i}` } })).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await direct.close();
    }
  });
});

describeWithRedis('security-rate-limits (Redis)')('security: rate limits shared through Redis', () => {
  const prefix = `congocart-test:${randomBytes(6).toString('hex')}:`;
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('counts hits of every instance in one window', async () => {
    await redis.ping();
    const secondConnection = redis.duplicate();
    await secondConnection.ping(); // connected, so the store does not fall back to counting in process
    const one = new RedisRateLimitStore(redis, prefix);
    const other = new RedisRateLimitStore(secondConnection, prefix);
    await one.hit('k', 60_000);
    const second = await other.hit('k', 60_000);
    await secondConnection.quit();
    expect(second.count).toBe(2);
    expect(second.resetMs).toBeGreaterThan(0);
    expect(second.resetMs).toBeLessThanOrEqual(60_000);
  });

  it('shares one budget between two API instances', async () => {
    const env = { REDIS_URL: TEST_REDIS_URL, RATE_LIMIT_KEY_PREFIX: prefix, RATE_LIMIT_READS_PER_IP: '3' };
    const [a, b] = [await startTestApp(env), await startTestApp(env)];
    try {
      const statuses = [];
      for (const app of [a, b, a, b]) statuses.push((await app.http.get('/api/v1/categories')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 90_000); // two app start-ups
});

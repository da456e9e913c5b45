import { startTestApp, TestApp } from './support/test-app';
import { registerCustomer } from './support/accounts';
import type { HttpResponse } from './support/http-client';

function expectThrottled(response: HttpResponse, maxSeconds = 60): void {
  expect(response.status).toBe(429);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
  const retryAfter = response.headers.get('retry-after');
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(maxSeconds);
}

const garbageRefresh = (t: TestApp) => t.http.post('/api/v1/auth/refresh', { refreshToken: 'not-a-token' });

describe('identity: throttling (in-memory store)', () => {
  describe('per client IP, with the default of 300 requests a minute', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t?.close());

    it('allows 300 /auth requests a minute from one IP, then answers 429 with Retry-After on every /auth route', async () => {
      for (let batch = 0; batch < 15; batch += 1) {
        const responses = await Promise.all(Array.from({ length: 20 }, () => garbageRefresh(t)));
        expect(responses.map((response) => response.status)).toEqual(Array(20).fill(401));
      }
      expectThrottled(await garbageRefresh(t));
      expectThrottled(await t.http.post('/api/v1/auth/login', { email: 'someone@example.com', password: 'whatever it is' }));
      expectThrottled(
        await t.http.post('/api/v1/auth/register', { email: 'late@example.com', name: 'Late', password: 'long enough password' }),
      );
      expectThrottled(await t.http.post('/api/v1/auth/logout', { refreshToken: 'x' }));
    });

    it('does not throttle routes outside /auth', async () => {
      expect((await t.http.get('/api/v1/me')).status).toBe(401);
      expect((await t.http.get('/health/live')).status).toBe(200);
    });
  });

  describe('failed sign-ins per e-mail address (10 a minute)', () => {
    let t: TestApp;
    beforeAll(async () => {
      // A high per-IP limit keeps the IP budget out of the way of these tests.
      t = await startTestApp({ AUTH_REQUESTS_PER_MINUTE_PER_IP: '10000' });
    });
    afterAll(() => t?.close());

    it('answers 429 with Retry-After after 10 failures, even to the right password, and spares other addresses', async () => {
      const victim = await registerCustomer(t);
      const bystander = await registerCustomer(t);
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const response = await t.http.post('/api/v1/auth/login', { email: victim.email, password: `guess number ${attempt}` });
        expect(response.status).toBe(401);
      }
      expectThrottled(await t.http.post('/api/v1/auth/login', { email: victim.email, password: 'guess number 10' }));
      expectThrottled(await t.http.post('/api/v1/auth/login', { email: victim.email.toUpperCase(), password: victim.password }));
      expect((await t.http.post('/api/v1/auth/login', { email: bystander.email, password: bystander.password })).status).toBe(200);
      // A session already held is not affected.
      expect((await t.http.post('/api/v1/auth/refresh', { refreshToken: victim.refreshToken })).status).toBe(200);
    });

    it('does not count successful sign-ins', async () => {
      const account = await registerCustomer(t);
      for (let attempt = 0; attempt < 12; attempt += 1) {
        const response = await t.http.post('/api/v1/auth/login', { email: account.email, password: account.password });
        expect(response.status).toBe(200);
      }
    });

    it('counts unknown addresses too, and holds under parallel guessing', async () => {
      const responses = await Promise.all(
        Array.from({ length: 16 }, (_, attempt) =>
          t.http.post('/api/v1/auth/login', { email: 'ghost@example.com', password: `parallel guess ${attempt}` }),
        ),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(10);
      expect(statuses.filter((status) => status === 429)).toHaveLength(6);
      responses.filter((response) => response.status === 429).forEach((response) => expectThrottled(response));
    });
  });

  describe('with REDIS_URL pointing at no Redis', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    });
    afterAll(() => t?.close());

    it('fails closed: /auth answers 503 instead of unthrottled, other routes keep working', async () => {
      const response = await garbageRefresh(t);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
      expect((await t.http.get('/health/live')).status).toBe(200);
    });
  });
});

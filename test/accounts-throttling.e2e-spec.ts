import { randomBytes } from 'node:crypto';
import { registerCustomer } from './support/accounts';
import { startTestApp, TestApp } from './support/test-app';

const unique = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}@example.com`;

describe('Accounts: throttling of reset requests, verification e-mails and password attempts', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A small IP budget, so the per-IP limit is reached within this file (every request comes from 127.0.0.1).
    t = await startTestApp({ PASSWORD_RESET_REQUESTS_PER_HOUR_PER_IP: '14' });
  });

  afterAll(async () => {
    await t?.close();
  });

  function expectThrottled(response: { status: number; headers: Headers; body: { code?: string } }): void {
    expect(response.status).toBe(429);
    expect(response.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  }

  it('allows 5 reset requests an hour per e-mail address, known or not, then 429 with Retry-After', async () => {
    const account = await registerCustomer(t);
    for (const email of [account.email, unique('nobody')]) {
      for (let i = 0; i < 5; i++) expect((await t.http.post('/api/v1/auth/password-reset', { email })).status).toBe(202);
      const refused = await t.http.post('/api/v1/auth/password-reset', { email: email.toUpperCase() });
      expectThrottled(refused);
    }
  });

  it('limits reset requests per client IP, whatever the addresses', async () => {
    // 12 of the IP's 14 were spent above; the 15th request of the hour is refused.
    expect((await t.http.post('/api/v1/auth/password-reset', { email: unique('ip-a') })).status).toBe(202);
    expect((await t.http.post('/api/v1/auth/password-reset', { email: unique('ip-b') })).status).toBe(202);
    expectThrottled(await t.http.post('/api/v1/auth/password-reset', { email: unique('ip-c') }));
  });

  it('allows 5 verification e-mails an hour per account, then 429', async () => {
    const account = await registerCustomer(t);
    for (let i = 0; i < 5; i++) {
      expect((await t.http.post('/api/v1/me/verification-email', undefined, { token: account.accessToken })).status).toBe(202);
    }
    expectThrottled(await t.http.post('/api/v1/me/verification-email', undefined, { token: account.accessToken }));
    const other = await registerCustomer(t);
    expect((await t.http.post('/api/v1/me/verification-email', undefined, { token: other.accessToken })).status).toBe(202);
  });

  it('allows 10 password changes an hour per account, then 429 even with the right password', async () => {
    const account = await registerCustomer(t);
    for (let i = 0; i < 10; i++) {
      const wrong = await t.http.post(
        '/api/v1/me/password',
        { currentPassword: `wrong password ${i}`, newPassword: 'a brand new horse battery' },
        { token: account.accessToken },
      );
      expect(wrong.status).toBe(403);
    }
    expectThrottled(
      await t.http.post(
        '/api/v1/me/password',
        { currentPassword: account.password, newPassword: 'a brand new horse battery' },
        { token: account.accessToken },
      ),
    );
  });
});

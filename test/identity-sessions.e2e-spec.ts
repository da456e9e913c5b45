import { startTestApp, TestApp } from './support/test-app';
import { registerCustomer, signIn, signInAdmin } from './support/accounts';
import type { HttpResponse } from './support/http-client';

function expectProblem(response: HttpResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code });
}

function expectSafeUser(user: Record<string, unknown>): void {
  expect(Object.keys(user).sort()).toEqual(['createdAt', 'disabled', 'email', 'emailVerified', 'id', 'name', 'role']);
  expect(JSON.stringify(user)).not.toMatch(/argon2|password|hash|salt|secret/i);
}

function roleIn(accessToken: string): string {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')).role;
}

const refresh = (t: TestApp, refreshToken: string) => t.http.post('/api/v1/auth/refresh', { refreshToken });

describe('identity: sessions', () => {
  let t: TestApp;
  let adminToken: string;
  beforeAll(async () => {
    t = await startTestApp({ ADMIN_EMAIL: 'boss@example.com', ADMIN_PASSWORD: 'the boss password' });
    adminToken = (await signInAdmin(t)).accessToken;
  });
  afterAll(() => t?.close());

  it('rotates the refresh token: a new pair, and the old token is spent', async () => {
    const account = await registerCustomer(t);
    const response = await refresh(t, account.refreshToken);

    expect(response.status).toBe(200);
    expectSafeUser(response.body.user);
    expect(response.body.user).toEqual(account.user);
    expect(response.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(response.body.refreshToken).not.toBe(account.refreshToken);
    expect(response.body.accessToken).not.toBe(account.accessToken);
    expect(response.body.expiresIn).toBe(900);
    expect((await t.http.get('/api/v1/me', { token: response.body.accessToken })).status).toBe(200);

    const rows = await t.sql<{ family_id: string; used: boolean }>(
      `SELECT family_id, used_at IS NOT NULL AS used FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at`,
      [account.user.id],
    );
    expect(rows.map((row) => row.used)).toEqual([true, false]);
    expect(rows[0].family_id).toBe(rows[1].family_id);
  });

  it('revokes the whole family when a spent refresh token is presented again', async () => {
    const account = await registerCustomer(t);
    const otherSession = await signIn(t, account.email, account.password);
    const second = await refresh(t, account.refreshToken);
    expect(second.status).toBe(200);

    expectProblem(await refresh(t, account.refreshToken), 401, 'INVALID_REFRESH_TOKEN'); // reuse: theft suspected
    expectProblem(await refresh(t, second.body.refreshToken), 401, 'INVALID_REFRESH_TOKEN'); // the thief's successor is dead too

    // Another sign-in of the same user is another family and keeps working.
    expect((await refresh(t, otherSession.refreshToken)).status).toBe(200);
  });

  it('lets at most one of several parallel refreshes of one token succeed', async () => {
    const account = await registerCustomer(t);
    const responses = await Promise.all(Array.from({ length: 8 }, () => refresh(t, account.refreshToken)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 401, 401, 401, 401, 401, 401, 401]);
    for (const response of responses.filter((r) => r.status === 401)) expectProblem(response, 401, 'INVALID_REFRESH_TOKEN');
  });

  it('refuses unknown and expired refresh tokens', async () => {
    expectProblem(await refresh(t, 'bm90IGEgcmVhbCByZWZyZXNoIHRva2VuIGF0IGFsbCEh'), 401, 'INVALID_REFRESH_TOKEN');
    const account = await registerCustomer(t);
    await t.sql(
      `UPDATE refresh_tokens SET created_at = now() - interval '31 days', expires_at = now() - interval '1 day' WHERE user_id = $1`,
      [account.user.id],
    );
    expectProblem(await refresh(t, account.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
    expectProblem(await t.http.post('/api/v1/auth/refresh', {}), 400, 'VALIDATION_FAILED');
  });

  it('logs out: 204, the token no longer refreshes, and logging out again is still 204', async () => {
    const account = await registerCustomer(t);
    const logout = await t.http.post('/api/v1/auth/logout', { refreshToken: account.refreshToken });
    expect(logout.status).toBe(204);
    expect(logout.text).toBe('');
    expectProblem(await refresh(t, account.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
    expect((await t.http.post('/api/v1/auth/logout', { refreshToken: account.refreshToken })).status).toBe(204);
    expect((await t.http.post('/api/v1/auth/logout', { refreshToken: 'never-issued' })).status).toBe(204);
    expectProblem(await t.http.post('/api/v1/auth/logout', {}), 400, 'VALIDATION_FAILED');
  });

  it('gives a refresh the user’s current role, while the old access token keeps its own', async () => {
    const account = await registerCustomer(t);
    const promoted = await t.http.patch(`/api/v1/admin/users/${account.user.id}`, { role: 'staff' }, { token: adminToken });
    expect(promoted.status).toBe(200);
    expectSafeUser(promoted.body);
    expect(promoted.body.role).toBe('staff');

    expect(roleIn(account.accessToken)).toBe('customer');
    const refreshed = await refresh(t, account.refreshToken);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.role).toBe('staff');
    expect(roleIn(refreshed.body.accessToken)).toBe('staff');
  });

  describe('a disabled user', () => {
    it('cannot sign in (403 with the right password, the usual 401 without) nor refresh', async () => {
      const account = await registerCustomer(t);
      const disabled = await t.http.patch(`/api/v1/admin/users/${account.user.id}`, { disabled: true }, { token: adminToken });
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ id: account.user.id, disabled: true });

      expectProblem(await t.http.post('/api/v1/auth/login', { email: account.email, password: account.password }), 403, 'ACCOUNT_DISABLED');
      expectProblem(
        await t.http.post('/api/v1/auth/login', { email: account.email, password: 'a wrong password' }),
        401,
        'INVALID_CREDENTIALS',
      );
      expectProblem(await refresh(t, account.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
      const live = await t.sql(`SELECT 1 FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`, [account.user.id]);
      expect(live).toEqual([]);
    });

    it('can sign in again once re-enabled', async () => {
      const account = await registerCustomer(t);
      await t.http.patch(`/api/v1/admin/users/${account.user.id}`, { disabled: true }, { token: adminToken });
      const enabled = await t.http.patch(`/api/v1/admin/users/${account.user.id}`, { disabled: false }, { token: adminToken });
      expect(enabled.body.disabled).toBe(false);
      expect((await t.http.post('/api/v1/auth/login', { email: account.email, password: account.password })).status).toBe(200);
    });
  });
});

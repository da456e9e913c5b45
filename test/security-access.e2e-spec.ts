import { registerCustomer, signIn, signInAdmin } from './support/accounts';
import { startTestApp, TestApp } from './support/test-app';

const ADMIN = { ADMIN_EMAIL: 'root@example.com', ADMIN_PASSWORD: 'a long admin password' };

/** Issue 12 finding 2: access tokens follow the user's current status, role and session. */
describe('security: access tokens follow the account', () => {
  let t: TestApp;
  let other: TestApp;
  beforeAll(async () => {
    t = await startTestApp(ADMIN);
    // A second instance on the same database: its cache learns of changes through NOTIFY.
    other = await startTestApp(ADMIN, { sameDatabaseAs: t });
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it("refuses a disabled user's token at once, on this instance and on another", async () => {
    const admin = await signInAdmin(t);
    const user = await registerCustomer(t);
    // Both instances have the token's access cached.
    expect((await t.http.get('/api/v1/me', { token: user.accessToken })).status).toBe(200);
    expect((await other.http.get('/api/v1/me', { token: user.accessToken })).status).toBe(200);
    const disabled = await t.http.patch(`/api/v1/admin/users/${user.user.id}`, { disabled: true }, { token: admin.accessToken });
    expect(disabled.status).toBe(200);
    expect((await t.http.get('/api/v1/me', { token: user.accessToken })).status).toBe(401);
    await eventually(async () => (await other.http.get('/api/v1/me', { token: user.accessToken })).status === 401);
  });

  it('applies a demotion to the live token: a demoted admin cannot restore itself', async () => {
    const root = await signInAdmin(t);
    const user = await registerCustomer(t);
    await t.http.patch(`/api/v1/admin/users/${user.user.id}`, { role: 'admin' }, { token: root.accessToken });
    const promoted = await signIn(t, user.email, user.password);
    expect((await t.http.get('/api/v1/admin/users', { token: promoted.accessToken })).status).toBe(200);
    await t.http.patch(`/api/v1/admin/users/${user.user.id}`, { role: 'customer' }, { token: root.accessToken });
    const restore = await t.http.patch(`/api/v1/admin/users/${user.user.id}`, { role: 'admin' }, { token: promoted.accessToken });
    expect(restore.status).toBe(403);
    const me = await t.http.get('/api/v1/me', { token: promoted.accessToken });
    expect(me.body.role).toBe('customer');
  });

  it('ends the access token on sign-out', async () => {
    const user = await registerCustomer(t);
    expect((await t.http.get('/api/v1/me', { token: user.accessToken })).status).toBe(200);
    expect((await t.http.post('/api/v1/auth/logout', { refreshToken: user.refreshToken })).status).toBe(204);
    expect((await t.http.get('/api/v1/me', { token: user.accessToken })).status).toBe(401);
    // Another session of the same user lives on.
    const again = await signIn(t, user.email, user.password);
    expect((await t.http.get('/api/v1/me', { token: again.accessToken })).status).toBe(200);
  });
});

/** Waits for a condition that another process makes true (a notification), within Jest's timeout. */
async function eventually(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 50));
}

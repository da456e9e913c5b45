import { AccountProvisioning } from '@congocart/identity';
import { startTestApp, TestApp } from './support/test-app';
import { registerCustomer, signIn, signInAdmin } from './support/accounts';
import type { HttpResponse } from './support/http-client';

const ADMIN = { ADMIN_EMAIL: ' Root@Example.com ', ADMIN_PASSWORD: 'root password 2026' };

function expectProblem(response: HttpResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code });
}

function expectSafeUser(user: Record<string, unknown>): void {
  expect(Object.keys(user).sort()).toEqual(['createdAt', 'disabled', 'email', 'emailVerified', 'id', 'name', 'role']);
  expect(JSON.stringify(user)).not.toMatch(/argon2|password|hash|salt|secret/i);
}

interface ListedUser {
  id: string;
  email: string;
  role: string;
  createdAt: string;
}

describe('identity: user administration', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signInAdmin>>;
  const asAdmin = () => ({ token: admin.accessToken });

  beforeAll(async () => {
    // The last-admin test restores roles with raw SQL, which sends no access-change notification.
    t = await startTestApp({ ...ADMIN, ACCESS_CHECK_CACHE_TTL_MS: '0' });
    admin = await signInAdmin(t);
  });
  afterAll(() => t?.close());

  async function listAll(query: string, limit: number): Promise<ListedUser[]> {
    const seen: ListedUser[] = [];
    let cursor: string | null = null;
    do {
      const response: HttpResponse = await t.http.get(
        `/api/v1/admin/users?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`,
        asAdmin(),
      );
      expect(response.status).toBe(200);
      expect(response.body.page.limit).toBe(limit);
      expect(response.body.data.length).toBeLessThanOrEqual(limit);
      response.body.data.forEach(expectSafeUser);
      seen.push(...response.body.data);
      cursor = response.body.page.nextCursor;
    } while (cursor);
    return seen;
  }

  describe('the bootstrap admin', () => {
    it('is created at start-up from ADMIN_EMAIL and ADMIN_PASSWORD, normalised', async () => {
      expectSafeUser({ ...admin.user });
      expect(admin.user).toMatchObject({ email: 'root@example.com', role: 'admin', disabled: false });
      const admins = await t.sql(`SELECT email FROM users WHERE role = 'admin'`);
      expect(admins).toEqual([{ email: 'root@example.com' }]);
    });

    it('is provisioned idempotently: same id, same hash while the password still matches', async () => {
      const provisioning = t.app.get(AccountProvisioning);
      const [before] = await t.sql<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = 'root@example.com'`);
      const again = await provisioning.ensureAccount({
        email: 'ROOT@example.com',
        password: ADMIN.ADMIN_PASSWORD,
        name: 'Administrator',
        role: 'admin',
      });
      expect(again.id).toBe(admin.user.id);
      const [after] = await t.sql<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = 'root@example.com'`);
      expect(after.password_hash).toBe(before.password_hash);
      expect(await t.sql(`SELECT count(*)::int AS n FROM users WHERE lower(email) = 'root@example.com'`)).toEqual([{ n: 1 }]);
    });

    it('updates an existing account: role, name, password, and enables it', async () => {
      const account = await registerCustomer(t, { email: 'promote.me@example.com' });
      await t.http.patch(`/api/v1/admin/users/${account.user.id}`, { disabled: true }, asAdmin());
      const provisioning = t.app.get(AccountProvisioning);
      const user = await provisioning.ensureAccount({
        email: 'promote.me@example.com',
        password: 'a brand new password',
        name: 'Demo Staff',
        role: 'staff',
      });
      expect(user).toMatchObject({ id: account.user.id, role: 'staff', name: 'Demo Staff', disabled: false });
      expect((await t.http.post('/api/v1/auth/login', { email: 'promote.me@example.com', password: 'a brand new password' })).status).toBe(
        200,
      );
      await expect(
        provisioning.ensureAccount({ email: 'weak@example.com', password: 'aaaaaaaaa', name: 'Weak', role: 'admin' }),
      ).rejects.toThrow(/repeated/);
    });
  });

  describe('GET /admin/users', () => {
    beforeAll(async () => {
      for (const email of ['list.a@example.com', 'list.b@example.com', 'LIST.C@example.com', 'list_x@example.com', 'other@example.com']) {
        await registerCustomer(t, { email });
      }
    });

    it('pages through every user exactly once, newest first', async () => {
      const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM users`);
      const users = await listAll('', 2);
      expect(users).toHaveLength(n);
      expect(new Set(users.map((user) => user.id)).size).toBe(n);
      const order = users.map((user) => user.createdAt);
      expect(order).toEqual([...order].sort().reverse());
    });

    it('filters by e-mail prefix, case-insensitively and literally', async () => {
      const listed = await listAll('&email=LIST.', 2);
      expect(listed.map((user) => user.email).sort()).toEqual(['list.a@example.com', 'list.b@example.com', 'list.c@example.com']);
      // `_` is not a wildcard: only list_x matches.
      expect((await listAll('&email=list_', 10)).map((user) => user.email)).toEqual(['list_x@example.com']);
      expect(await listAll('&email=nobody', 10)).toEqual([]);
    });

    it('filters by role', async () => {
      const admins = await listAll('&role=admin', 5);
      expect(admins.map((user) => user.email)).toEqual(['root@example.com']);
      const customers = await listAll('&role=customer', 3);
      expect(customers.length).toBeGreaterThanOrEqual(5);
      expect(customers.every((user) => user.role === 'customer')).toBe(true);
    });

    it('refuses a cursor issued for another filter, and invalid parameters', async () => {
      const first = await t.http.get('/api/v1/admin/users?limit=1&role=customer', asAdmin());
      const cursor = first.body.page.nextCursor;
      expect(cursor).toEqual(expect.any(String));
      expectProblem(await t.http.get(`/api/v1/admin/users?limit=1&cursor=${cursor}`, asAdmin()), 400, 'INVALID_CURSOR');
      expectProblem(await t.http.get('/api/v1/admin/users?cursor=garbage', asAdmin()), 400, 'INVALID_CURSOR');
      expectProblem(await t.http.get('/api/v1/admin/users?limit=0', asAdmin()), 400, 'VALIDATION_FAILED');
      expectProblem(await t.http.get('/api/v1/admin/users?limit=101', asAdmin()), 400, 'VALIDATION_FAILED');
      expectProblem(await t.http.get('/api/v1/admin/users?role=root', asAdmin()), 400, 'VALIDATION_FAILED');
      expectProblem(await t.http.get('/api/v1/admin/users?sort=email', asAdmin()), 400, 'VALIDATION_FAILED');
    });
  });

  describe('PATCH /admin/users/{id}', () => {
    it('changes the role and answers the User', async () => {
      const account = await registerCustomer(t);
      const response = await t.http.patch(`/api/v1/admin/users/${account.user.id}`, { role: 'staff' }, asAdmin());
      expect(response.status).toBe(200);
      expectSafeUser(response.body);
      expect(response.body).toEqual({ ...account.user, role: 'staff' });
    });

    it('answers 404 for an unknown or malformed id', async () => {
      expectProblem(
        await t.http.patch('/api/v1/admin/users/6f1b8f9e-1a2b-4c3d-9e8f-0a1b2c3d4e5f', { role: 'staff' }, asAdmin()),
        404,
        'NOT_FOUND',
      );
      expectProblem(await t.http.patch('/api/v1/admin/users/not-a-uuid', { role: 'staff' }, asAdmin()), 404, 'NOT_FOUND');
    });

    it('refuses invalid bodies', async () => {
      const account = await registerCustomer(t);
      for (const body of [{ role: 'root' }, { disabled: 'true' }, { role: null }, { email: 'x@example.com' }]) {
        expectProblem(await t.http.patch(`/api/v1/admin/users/${account.user.id}`, body, asAdmin()), 400, 'VALIDATION_FAILED');
      }
    });
  });

  describe('the last active admin', () => {
    it('cannot be demoted or disabled, not even by themselves', async () => {
      expectProblem(await t.http.patch(`/api/v1/admin/users/${admin.user.id}`, { role: 'staff' }, asAdmin()), 409, 'LAST_ADMIN');
      expectProblem(await t.http.patch(`/api/v1/admin/users/${admin.user.id}`, { disabled: true }, asAdmin()), 409, 'LAST_ADMIN');
      const [row] = await t.sql(`SELECT role, disabled FROM users WHERE id = $1`, [admin.user.id]);
      expect(row).toEqual({ role: 'admin', disabled: false });
    });

    it('can step down once another admin is active, and a disabled admin does not count', async () => {
      const other = await registerCustomer(t);
      expect((await t.http.patch(`/api/v1/admin/users/${other.user.id}`, { role: 'admin', disabled: true }, asAdmin())).status).toBe(200);
      expectProblem(await t.http.patch(`/api/v1/admin/users/${admin.user.id}`, { role: 'customer' }, asAdmin()), 409, 'LAST_ADMIN');
      expect((await t.http.patch(`/api/v1/admin/users/${other.user.id}`, { disabled: false }, asAdmin())).status).toBe(200);

      expect((await t.http.patch(`/api/v1/admin/users/${admin.user.id}`, { role: 'staff' }, asAdmin())).status).toBe(200);
      const otherAdmin = await signIn(t, other.email, other.password);
      expect(
        (await t.http.patch(`/api/v1/admin/users/${admin.user.id}`, { role: 'admin' }, { token: otherAdmin.accessToken })).status,
      ).toBe(200);
      await t.http.patch(`/api/v1/admin/users/${other.user.id}`, { role: 'customer' }, asAdmin());
    });

    it('survives two admins demoting each other at the same moment', async () => {
      for (let round = 0; round < 3; round += 1) {
        const other = await registerCustomer(t);
        await t.http.patch(`/api/v1/admin/users/${other.user.id}`, { role: 'admin' }, asAdmin());
        const otherAdmin = await signIn(t, other.email, other.password);
        const change = round % 2 === 0 ? { role: 'customer' } : { disabled: true };
        const [a, b] = await Promise.all([
          t.http.patch(`/api/v1/admin/users/${other.user.id}`, change, asAdmin()),
          t.http.patch(`/api/v1/admin/users/${admin.user.id}`, change, { token: otherAdmin.accessToken }),
        ]);
        // The loser is refused by the last-admin rule, or (when its guard ran after the winner's
        // commit) already by its new role (403) or disabled account (401): access changes apply to
        // live tokens at once.
        const loser = a.status === 200 ? b : a;
        expect([a.status, b.status]).toContain(200);
        if (loser.status === 409) expectProblem(loser, 409, 'LAST_ADMIN');
        else if ('role' in change) expectProblem(loser, 403, 'FORBIDDEN');
        else expectProblem(loser, 401, 'UNAUTHORIZED');
        const active = await t.sql<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' AND NOT disabled`);
        expect(active).toHaveLength(1);
        // Restore the original admin as the only one for the next round.
        if (active[0].id !== admin.user.id) {
          await t.sql(`UPDATE users SET role = 'admin', disabled = false WHERE id = $1`, [admin.user.id]);
          await t.sql(`UPDATE users SET role = 'customer' WHERE id = $1`, [other.user.id]);
          admin = await signInAdmin(t); // being disabled revoked its sessions
        }
      }
    });
  });
});

import { createHmac, randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from './support/test-app';
import { registerCustomer, SignedInAccount } from './support/accounts';
import { TEST_JWT_SECRET } from './support/test-env';
import type { HttpResponse } from './support/http-client';

function expectProblem(response: HttpResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code });
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Builds a JWT by hand so that every part can be wrong on purpose. */
function craftJwt(header: Record<string, unknown>, claims: Record<string, unknown>, secret: string | null, algorithm = 'sha256'): string {
  const unsigned = `${b64(header)}.${b64(claims)}`;
  const signature = secret === null ? '' : createHmac(algorithm, secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

/** The session id (refresh-token family) a genuine access token carries. */
const sessionOf = (accessToken: string): string => JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')).sid;

describe('identity: access tokens and authorization', () => {
  let t: TestApp;
  let customer: SignedInAccount;
  // Crafted tokens stand for real accounts with live sessions: every request checks both.
  let admin: SignedInAccount;
  let staff: SignedInAccount;
  const now = () => Math.floor(Date.now() / 1000);
  const claimsFor = (overrides: Record<string, unknown> = {}) => ({
    sub: admin.user.id,
    sid: sessionOf(admin.accessToken),
    role: 'admin',
    iat: now(),
    exp: now() + 600,
    iss: 'congocart',
    aud: 'congocart-api',
    jti: randomUUID(),
    ...overrides,
  });
  const hs256 = { alg: 'HS256', typ: 'JWT' };

  beforeAll(async () => {
    t = await startTestApp();
    [customer, admin, staff] = await Promise.all([registerCustomer(t), registerCustomer(t), registerCustomer(t)]);
    await t.sql(`UPDATE users SET role = CASE WHEN id = $1 THEN 'admin' ELSE 'staff' END WHERE id IN ($1, $2)`, [
      admin.user.id,
      staff.user.id,
    ]);
  });
  afterAll(() => t?.close());

  it('accepts a correctly signed token (so the refusals below are about the flaw, not the crafting)', async () => {
    const token = craftJwt(hs256, claimsFor(), TEST_JWT_SECRET);
    expect((await t.http.get('/api/v1/me', { token })).status).toBe(200);
    expect((await t.http.get('/api/v1/admin/users', { token })).status).toBe(200);
  });

  it.each([
    ['alg "none" without a signature', () => craftJwt({ alg: 'none', typ: 'JWT' }, claimsFor(), null)],
    ['a wrong secret', () => craftJwt(hs256, claimsFor(), 'a-different-secret-that-is-also-long-enough-0123456789')],
    [
      'another HMAC algorithm (HS512) with the right secret',
      () => craftJwt({ alg: 'HS512', typ: 'JWT' }, claimsFor(), TEST_JWT_SECRET, 'sha512'),
    ],
    ['an expired token', () => craftJwt(hs256, claimsFor({ iat: now() - 1000, exp: now() - 100 }), TEST_JWT_SECRET)],
    ['a wrong audience', () => craftJwt(hs256, claimsFor({ aud: 'someone-else' }), TEST_JWT_SECRET)],
    ['a wrong issuer', () => craftJwt(hs256, claimsFor({ iss: 'evil' }), TEST_JWT_SECRET)],
    ['an unknown role', () => craftJwt(hs256, claimsFor({ role: 'root' }), TEST_JWT_SECRET)],
    ['no subject', () => craftJwt(hs256, claimsFor({ sub: undefined }), TEST_JWT_SECRET)],
    ['no session', () => craftJwt(hs256, claimsFor({ sid: undefined }), TEST_JWT_SECRET)],
    ['a session of another user', () => craftJwt(hs256, claimsFor({ sid: sessionOf(customer.accessToken) }), TEST_JWT_SECRET)],
    ['a user that does not exist', () => craftJwt(hs256, claimsFor({ sub: randomUUID() }), TEST_JWT_SECRET)],
    ['a token issued far too long ago', () => craftJwt(hs256, claimsFor({ iat: now() - 86_400 }), TEST_JWT_SECRET)],
  ])('refuses %s with 401', async (_case, token) => {
    for (const path of ['/api/v1/me', '/api/v1/admin/users']) {
      expectProblem(await t.http.get(path, { token: token() }), 401, 'UNAUTHORIZED');
    }
  });

  it('refuses a genuine token whose role claim was tampered with', async () => {
    const [header, payload, signature] = customer.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const tampered = `${header}.${b64({ ...claims, role: 'admin' })}.${signature}`;
    expectProblem(await t.http.get('/api/v1/admin/users', { token: tampered }), 401, 'UNAUTHORIZED');
    expectProblem(await t.http.get('/api/v1/me', { token: tampered }), 401, 'UNAUTHORIZED');
  });

  it('refuses garbage and non-bearer credentials', async () => {
    expectProblem(await t.http.get('/api/v1/me', { token: 'not.a.jwt' }), 401, 'UNAUTHORIZED');
    expectProblem(await t.http.get('/api/v1/me', { headers: { authorization: `Basic ${customer.accessToken}` } }), 401, 'UNAUTHORIZED');
    expectProblem(await t.http.get('/api/v1/me', { headers: { authorization: 'Bearer' } }), 401, 'UNAUTHORIZED');
  });

  it('answers 401 to anonymous callers of private routes and 403 to a customer on an admin route', async () => {
    expectProblem(await t.http.get('/api/v1/admin/users'), 401, 'UNAUTHORIZED');
    expectProblem(await t.http.patch(`/api/v1/admin/users/${customer.user.id}`, { role: 'admin' }), 401, 'UNAUTHORIZED');
    expectProblem(await t.http.get('/api/v1/admin/users', { token: customer.accessToken }), 403, 'FORBIDDEN');
    expectProblem(
      await t.http.patch(`/api/v1/admin/users/${customer.user.id}`, { role: 'admin' }, { token: customer.accessToken }),
      403,
      'FORBIDDEN',
    );
    const [{ role }] = await t.sql<{ role: string }>(`SELECT role FROM users WHERE id = $1`, [customer.user.id]);
    expect(role).toBe('customer');
  });

  it('keeps staff out of user administration', async () => {
    const token = craftJwt(hs256, claimsFor({ sub: staff.user.id, sid: sessionOf(staff.accessToken), role: 'staff' }), TEST_JWT_SECRET);
    expectProblem(await t.http.get('/api/v1/admin/users', { token }), 403, 'FORBIDDEN');
    expect((await t.http.get('/api/v1/me', { token })).status).toBe(200);
  });

  it("applies the account's current role, not the role claim", async () => {
    const token = craftJwt(hs256, claimsFor({ sub: staff.user.id, sid: sessionOf(staff.accessToken), role: 'admin' }), TEST_JWT_SECRET);
    expectProblem(await t.http.get('/api/v1/admin/users', { token }), 403, 'FORBIDDEN');
  });
});

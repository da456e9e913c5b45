import { createHash } from 'node:crypto';
import { startTestApp, TestApp } from './support/test-app';
import { DEFAULT_TEST_PASSWORD, registerCustomer } from './support/accounts';
import type { HttpResponse } from './support/http-client';

const USER_KEYS = ['createdAt', 'disabled', 'email', 'emailVerified', 'id', 'name', 'role'];

function expectProblem(response: HttpResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code });
}

/** A User carries exactly the public fields: no hash, salt or token secret. */
function expectSafeUser(user: Record<string, unknown>): void {
  expect(Object.keys(user).sort()).toEqual(USER_KEYS);
  expect(JSON.stringify(user)).not.toMatch(/argon2|password|hash|salt|secret/i);
}

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('identity: accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  describe('registration', () => {
    it('creates a customer, signs it in and stores only an argon2id hash and a token hash', async () => {
      const response = await t.http.post('/api/v1/auth/register', {
        email: '  Grace.Hopper@Example.COM ',
        name: ' Grace Hopper ',
        password: 'cobol rules 1959',
      });

      expect(response.status).toBe(201);
      expect(response.headers.get('location')).toBe('/api/v1/me');
      expect(Object.keys(response.body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken', 'user']);
      expectSafeUser(response.body.user);
      expect(response.body.user).toMatchObject({
        email: 'grace.hopper@example.com',
        name: 'Grace Hopper',
        role: 'customer',
        disabled: false,
      });
      expect(new Date(response.body.user.createdAt).toISOString()).toBe(response.body.user.createdAt);
      expect(response.body.expiresIn).toBe(900);
      expect(response.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url

      const claims = claimsOf(response.body.accessToken);
      expect(claims).toMatchObject({ sub: response.body.user.id, role: 'customer', iss: 'congocart', aud: 'congocart-api' });
      expect(Number(claims.exp) - Number(claims.iat)).toBe(900);
      expect(typeof claims.jti).toBe('string');

      const [stored] = await t.sql<{ password_hash: string }>(`SELECT password_hash FROM users WHERE id = $1`, [response.body.user.id]);
      expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      const tokens = await t.sql<{ token_hash: Buffer }>(`SELECT token_hash FROM refresh_tokens WHERE user_id = $1`, [
        response.body.user.id,
      ]);
      expect(tokens).toHaveLength(1);
      expect(tokens[0].token_hash.equals(createHash('sha256').update(response.body.refreshToken).digest())).toBe(true);
    });

    it('refuses an e-mail address that is taken, also when it differs only by case or spaces', async () => {
      await registerCustomer(t, { email: 'taken@example.com' });
      for (const email of ['taken@example.com', 'TAKEN@Example.com', ' Taken@EXAMPLE.COM ']) {
        const response = await t.http.post('/api/v1/auth/register', { email, name: 'Copy Cat', password: DEFAULT_TEST_PASSWORD });
        expectProblem(response, 409, 'EMAIL_TAKEN');
      }
      const [{ count }] = await t.sql<{ count: string }>(`SELECT count(*) FROM users WHERE lower(email) = 'taken@example.com'`);
      expect(count).toBe('1');
    });

    it('lets exactly one of several parallel registrations of one address succeed', async () => {
      const attempts = await Promise.all(
        ['race@example.com', 'Race@example.com', 'RACE@example.com', 'race@EXAMPLE.com'].map((email) =>
          t.http.post('/api/v1/auth/register', { email, name: 'Racer', password: DEFAULT_TEST_PASSWORD }),
        ),
      );
      expect(attempts.map((attempt) => attempt.status).sort()).toEqual([201, 409, 409, 409]);
      for (const attempt of attempts.filter((a) => a.status === 409)) expectProblem(attempt, 409, 'EMAIL_TAKEN');
    });

    it.each([
      ['shorter than 8 characters', 'Abc12!x'],
      ['longer than 128 characters', 'x1'.repeat(64) + 'y'],
      ['the e-mail address', 'Weak.Password@Example.com'],
      ['one character repeated', 'zzzzzzzzzzzz'],
    ])('refuses a password %s', async (_case, password) => {
      const response = await t.http.post('/api/v1/auth/register', { email: 'weak.password@example.com', name: 'Weak', password });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toEqual([{ field: 'password', message: expect.any(String) }]);
      expect(await t.sql(`SELECT 1 FROM users WHERE email = 'weak.password@example.com'`)).toEqual([]);
    });

    it.each([
      ['a malformed e-mail address', { email: 'not-an-email', name: 'X', password: DEFAULT_TEST_PASSWORD }, 'email'],
      [
        'an e-mail address over 254 characters',
        { email: `${'a'.repeat(60)}@${'b'.repeat(190)}.com`, name: 'X', password: DEFAULT_TEST_PASSWORD },
        'email',
      ],
      ['an empty name', { email: 'empty.name@example.com', name: '   ', password: DEFAULT_TEST_PASSWORD }, 'name'],
      ['a name over 100 characters', { email: 'long.name@example.com', name: 'n'.repeat(101), password: DEFAULT_TEST_PASSWORD }, 'name'],
      ['a missing password', { email: 'no.password@example.com', name: 'X' }, 'password'],
      ['an unknown field', { email: 'role@example.com', name: 'X', password: DEFAULT_TEST_PASSWORD, role: 'admin' }, 'role'],
    ])('refuses %s', async (_case, body, field) => {
      const response = await t.http.post('/api/v1/auth/register', body);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });
  });

  describe('sign-in', () => {
    it('signs in with the password, whatever the case of the e-mail address', async () => {
      const account = await registerCustomer(t, { email: 'login@example.com', password: 'my secret words' });
      const response = await t.http.post('/api/v1/auth/login', { email: ' LOGIN@example.com', password: 'my secret words' });

      expect(response.status).toBe(200);
      expectSafeUser(response.body.user);
      expect(response.body.user).toEqual(account.user);
      expect(response.body.expiresIn).toBe(900);
      expect(claimsOf(response.body.accessToken)).toMatchObject({ sub: account.user.id, role: 'customer' });
      expect(response.body.refreshToken).not.toBe(account.refreshToken);
    });

    it('answers an unknown e-mail and a wrong password identically, in comparable time', async () => {
      await registerCustomer(t, { email: 'known@example.com' });
      const timings = { wrong: [] as number[], unknown: [] as number[] };
      const bodies = { wrong: [] as unknown[], unknown: [] as unknown[] };
      for (let round = 0; round < 5; round += 1) {
        for (const kind of ['wrong', 'unknown'] as const) {
          const email = kind === 'wrong' ? 'known@example.com' : `nobody-${round}@example.com`;
          const started = performance.now();
          const response = await t.http.post('/api/v1/auth/login', { email, password: 'not the password' });
          timings[kind].push(performance.now() - started);
          expectProblem(response, 401, 'INVALID_CREDENTIALS');
          const { traceId: _traceId, ...body } = response.body;
          bodies[kind].push(body);
        }
      }
      expect(bodies.unknown[0]).toEqual(bodies.wrong[0]);
      expect(new Set([...bodies.wrong, ...bodies.unknown].map((body) => JSON.stringify(body))).size).toBe(1);
      // Without the dummy argon2 verification an unknown address answers several times faster.
      expect(median(timings.unknown)).toBeGreaterThan(median(timings.wrong) * 0.5);
    });

    it('refuses a malformed body', async () => {
      expectProblem(await t.http.post('/api/v1/auth/login', { email: 'login@example.com' }), 400, 'VALIDATION_FAILED');
      expectProblem(await t.http.post('/api/v1/auth/login', { email: 'login@example.com', password: 12345678 }), 400, 'VALIDATION_FAILED');
    });
  });

  describe('the signed-in user', () => {
    it('GET /me returns the caller', async () => {
      const account = await registerCustomer(t, { name: 'Me Myself' });
      const response = await t.http.get('/api/v1/me', { token: account.accessToken });
      expect(response.status).toBe(200);
      expectSafeUser(response.body);
      expect(response.body).toEqual(account.user);
    });

    it('GET /me without a token is a 401 problem', async () => {
      expectProblem(await t.http.get('/api/v1/me'), 401, 'UNAUTHORIZED');
    });
  });
});

import { createHash } from 'node:crypto';
import { registerCustomer, signIn } from './support/accounts';
import { parseMail } from './support/mime';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { until } from './support/until';

const NEW_PASSWORD = 'a brand new horse battery staple';

describe('Accounts: profile, password change and password reset (e-mails over SMTP)', () => {
  let t: TestApp;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: smtp.url, STOREFRONT_URL: 'https://shop.example.com' });
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** The token of the newest e-mail to `email` whose link matches `path`, once it arrived. */
  function tokenMailedTo(email: string, path: string, after = 0): Promise<string> {
    return until(async () => {
      const mails = smtp.mails.filter((mail) => mail.to.includes(email)).map((mail) => parseMail(mail.raw));
      const links = mails.flatMap((mail) => [
        ...mail.text.matchAll(new RegExp(`https://shop\\.example\\.com${path}\\?token=([A-Za-z0-9_-]+)`, 'g')),
      ]);
      return links.length > after ? links[links.length - 1][1] : undefined;
    });
  }

  function mailsTo(email: string, subject: RegExp): number {
    return smtp.mails.filter((mail) => mail.to.includes(email) && subject.test(parseMail(mail.raw).subject)).length;
  }

  it('PATCH /me changes the name and answers the User with emailVerified', async () => {
    const account = await registerCustomer(t);
    const response = await t.http.patch('/api/v1/me', { name: '  Ada King  ' }, { token: account.accessToken });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: account.user.id, name: 'Ada King', email: account.email, emailVerified: false });
    expect((await t.http.get('/api/v1/me', { token: account.accessToken })).body.name).toBe('Ada King');
  });

  it('PATCH /me refuses unknown fields and an empty name', async () => {
    const account = await registerCustomer(t);
    expect((await t.http.patch('/api/v1/me', { email: 'other@example.com' }, { token: account.accessToken })).status).toBe(400);
    expect((await t.http.patch('/api/v1/me', { name: '   ' }, { token: account.accessToken })).status).toBe(400);
    expect((await t.http.patch('/api/v1/me', { name: 'x' })).status).toBe(401);
  });

  it('a wrong current password is 403 INVALID_CREDENTIALS and changes nothing', async () => {
    const account = await registerCustomer(t);
    const response = await t.http.post(
      '/api/v1/me/password',
      { currentPassword: 'not the password at all', newPassword: NEW_PASSWORD },
      { token: account.accessToken },
    );
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('INVALID_CREDENTIALS');
    await signIn(t, account.email, account.password);
    expect((await t.http.post('/api/v1/auth/refresh', { refreshToken: account.refreshToken })).status).toBe(200);
  });

  it('changing the password revokes every session and only the new password signs in', async () => {
    const account = await registerCustomer(t);
    const other = await signIn(t, account.email, account.password);
    const response = await t.http.post(
      '/api/v1/me/password',
      { currentPassword: account.password, newPassword: NEW_PASSWORD },
      { token: account.accessToken },
    );
    expect(response.status).toBe(204);
    expect((await t.http.post('/api/v1/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/login', { email: account.email, password: account.password })).status).toBe(401);
    await signIn(t, account.email, NEW_PASSWORD);
  });

  it('a new password must follow the password policy', async () => {
    const account = await registerCustomer(t);
    const response = await t.http.post(
      '/api/v1/me/password',
      { currentPassword: account.password, newPassword: account.email },
      { token: account.accessToken },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);
  });

  it('resets a password end to end with the e-mailed token: sessions revoked, the token single use', async () => {
    const account = await registerCustomer(t);
    const other = await signIn(t, account.email, account.password);

    const request = await t.http.post('/api/v1/auth/password-reset', { email: `  ${account.email.toUpperCase()} ` });
    expect(request.status).toBe(202);
    const token = await tokenMailedTo(account.email, '/reset-password');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    expect(request.text).not.toContain(token);

    // Only the SHA-256 of the token is stored.
    const stored = await t.sql<{ n: string }>(`SELECT count(*) AS n FROM account_tokens WHERE token_hash = $1`, [
      createHash('sha256').update(token).digest(),
    ]);
    expect(stored[0].n).toBe('1');
    expect(await t.sql(`SELECT 1 FROM account_tokens WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%'`, [token])).toEqual([]);

    const confirm = await t.http.post('/api/v1/auth/password-reset/confirm', { token, newPassword: NEW_PASSWORD });
    expect(confirm.status).toBe(204);
    expect((await t.http.post('/api/v1/auth/refresh', { refreshToken: account.refreshToken })).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/login', { email: account.email, password: account.password })).status).toBe(401);
    await signIn(t, account.email, NEW_PASSWORD);

    const reuse = await t.http.post('/api/v1/auth/password-reset/confirm', { token, newPassword: 'yet another horse battery' });
    expect(reuse.status).toBe(400);
    expect(reuse.body.code).toBe('INVALID_TOKEN');
    await signIn(t, account.email, NEW_PASSWORD);
  });

  it('of two parallel confirmations with one token, exactly one succeeds', async () => {
    const account = await registerCustomer(t);
    await t.http.post('/api/v1/auth/password-reset', { email: account.email });
    const token = await tokenMailedTo(account.email, '/reset-password');
    const answers = await Promise.all(
      ['first horse battery staple', 'second horse battery staple'].map((newPassword) =>
        t.http.post('/api/v1/auth/password-reset/confirm', { token, newPassword }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([204, 400]);
  });

  it('unknown, expired and malformed tokens are 400 INVALID_TOKEN (or a validation error)', async () => {
    const unknown = await t.http.post('/api/v1/auth/password-reset/confirm', { token: 'x'.repeat(43), newPassword: NEW_PASSWORD });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('INVALID_TOKEN');

    const account = await registerCustomer(t);
    await t.http.post('/api/v1/auth/password-reset', { email: account.email });
    const token = await tokenMailedTo(account.email, '/reset-password');
    await t.sql(
      `UPDATE account_tokens SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour'
                 WHERE user_id = $1 AND purpose = 'password_reset'`,
      [account.user.id],
    );
    const expired = await t.http.post('/api/v1/auth/password-reset/confirm', { token, newPassword: NEW_PASSWORD });
    expect(expired.status).toBe(400);
    expect(expired.body.code).toBe('INVALID_TOKEN');
    await signIn(t, account.email, account.password);

    expect((await t.http.post('/api/v1/auth/password-reset/confirm', { token: 'x'.repeat(200), newPassword: NEW_PASSWORD })).status).toBe(
      400,
    );
  });

  it('a reset token is not a verification token', async () => {
    const account = await registerCustomer(t);
    await t.http.post('/api/v1/auth/password-reset', { email: account.email });
    const token = await tokenMailedTo(account.email, '/reset-password');
    const response = await t.http.post('/api/v1/auth/verify-email', { token });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('INVALID_TOKEN');
  });

  it('tells nothing about which e-mail addresses have an account', async () => {
    const account = await registerCustomer(t);
    const unknownEmail = `nobody-${Date.now()}@example.com`;
    const known = await t.http.post('/api/v1/auth/password-reset', { email: account.email });
    const unknown = await t.http.post('/api/v1/auth/password-reset', { email: unknownEmail });
    expect(unknown.status).toBe(known.status);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(unknown.headers.get('content-type')).toBe(known.headers.get('content-type'));

    await tokenMailedTo(account.email, '/reset-password');
    expect(mailsTo(unknownEmail, /./)).toBe(0);
  });

  it('a disabled account is sent no reset link', async () => {
    const account = await registerCustomer(t);
    await t.sql(`UPDATE users SET disabled = true WHERE id = $1`, [account.user.id]);
    expect((await t.http.post('/api/v1/auth/password-reset', { email: account.email })).status).toBe(202);
    // A later mail to another address proves the queue moved on without one for this address.
    const witness = await registerCustomer(t);
    await t.http.post('/api/v1/auth/password-reset', { email: witness.email });
    await tokenMailedTo(witness.email, '/reset-password');
    expect(mailsTo(account.email, /reset your password/)).toBe(0);
  });
});

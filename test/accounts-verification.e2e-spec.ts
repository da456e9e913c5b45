import { randomBytes } from 'node:crypto';
import { EmailVerifiedEvent, EmailVerifiedHooks } from '@congocart/identity';
import { registerCustomer } from './support/accounts';
import { parseMail } from './support/mime';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { until } from './support/until';

describe('Accounts: e-mail verification (e-mails over SMTP)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  const verified: EmailVerifiedEvent[] = [];

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: smtp.url, STOREFRONT_URL: 'https://shop.example.com' });
    // Stands in for ordering, which will attach guest orders here.
    t.app.get(EmailVerifiedHooks).register({
      onEmailVerified: async (event) => {
        if (event.email.startsWith('hook-fails-')) throw new Error('listener failed');
        verified.push(event);
      },
    });
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  function verificationTokens(email: string): string[] {
    return smtp.mails
      .filter((mail) => mail.to.includes(email))
      .map((mail) => parseMail(mail.raw))
      .flatMap((mail) => [...mail.text.matchAll(/https:\/\/shop\.example\.com\/verify-email\?token=([A-Za-z0-9_-]+)/g)])
      .map((match) => match[1]);
  }

  function nthToken(email: string, count: number): Promise<string> {
    return until(async () => {
      const tokens = verificationTokens(email);
      return tokens.length >= count ? tokens[count - 1] : undefined;
    });
  }

  it('registering sends a verification e-mail; its token verifies the address once', async () => {
    const account = await registerCustomer(t);
    expect(account.user).toMatchObject({ emailVerified: false });
    const token = await nthToken(account.email, 1);
    const mail = parseMail(smtp.mails.find((candidate) => candidate.to.includes(account.email))!.raw);
    expect(mail.subject).toMatch(/verify your e-mail address/);
    expect(mail.text).toContain(`https://shop.example.com/verify-email?token=${token}\n`);

    const response = await t.http.post('/api/v1/auth/verify-email', { token });
    expect(response.status).toBe(204);
    expect((await t.http.get('/api/v1/me', { token: account.accessToken })).body.emailVerified).toBe(true);
    expect(verified).toContainEqual({ userId: account.user.id, email: account.email });

    const reuse = await t.http.post('/api/v1/auth/verify-email', { token });
    expect(reuse.status).toBe(400);
    expect(reuse.body.code).toBe('INVALID_TOKEN');
  });

  it('an unknown or expired token is 400 INVALID_TOKEN and verifies nothing', async () => {
    const unknown = await t.http.post('/api/v1/auth/verify-email', { token: randomBytes(32).toString('base64url') });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('INVALID_TOKEN');

    const account = await registerCustomer(t);
    const token = await nthToken(account.email, 1);
    await t.sql(
      `UPDATE account_tokens SET created_at = now() - interval '9 days', expires_at = now() - interval '1 day' WHERE user_id = $1`,
      [account.user.id],
    );
    expect((await t.http.post('/api/v1/auth/verify-email', { token })).body.code).toBe('INVALID_TOKEN');
    expect((await t.http.get('/api/v1/me', { token: account.accessToken })).body.emailVerified).toBe(false);
  });

  it('POST /me/verification-email sends a new link (202); once verified it sends nothing', async () => {
    const account = await registerCustomer(t);
    await nthToken(account.email, 1);
    const resend = await t.http.post('/api/v1/me/verification-email', undefined, { token: account.accessToken });
    expect(resend.status).toBe(202);
    expect(resend.body).toEqual({ status: 'accepted', message: expect.any(String) });
    const second = await nthToken(account.email, 2);
    expect(second).not.toBe(verificationTokens(account.email)[0]);

    expect((await t.http.post('/api/v1/auth/verify-email', { token: second })).status).toBe(204);
    // The older link died with the verification.
    expect((await t.http.post('/api/v1/auth/verify-email', { token: verificationTokens(account.email)[0] })).status).toBe(400);

    expect((await t.http.post('/api/v1/me/verification-email', undefined, { token: account.accessToken })).status).toBe(202);
    const witness = await registerCustomer(t);
    await nthToken(witness.email, 1);
    expect(verificationTokens(account.email)).toHaveLength(2);
  });

  it('a registration that fails (e-mail taken) sends no e-mail', async () => {
    const account = await registerCustomer(t);
    await nthToken(account.email, 1);
    const again = await t.http.post('/api/v1/auth/register', { email: account.email, name: 'Twin', password: 'another horse battery' });
    expect(again.status).toBe(409);
    const witness = await registerCustomer(t);
    await nthToken(witness.email, 1);
    expect(verificationTokens(account.email)).toHaveLength(1);
  });

  it('listeners run in the verification transaction: when one fails, nothing is verified or spent', async () => {
    const account = await registerCustomer(t, { email: `hook-fails-${randomBytes(4).toString('hex')}@example.com` });
    const token = await nthToken(account.email, 1);
    expect((await t.http.post('/api/v1/auth/verify-email', { token })).status).toBe(500);
    expect((await t.http.get('/api/v1/me', { token: account.accessToken })).body.emailVerified).toBe(false);
    expect(await t.sql(`SELECT used_at FROM account_tokens WHERE user_id = $1`, [account.user.id])).toEqual([{ used_at: null }]);
  });

  it('the resend needs a signed-in user', async () => {
    expect((await t.http.post('/api/v1/me/verification-email')).status).toBe(401);
  });
});

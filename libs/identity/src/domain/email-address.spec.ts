import { emailProblem, normaliseEmail } from './email-address';

describe('e-mail addresses', () => {
  it('are trimmed and lower-cased', () => {
    expect(normaliseEmail('  Alice.Smith@Example.COM \t')).toBe('alice.smith@example.com');
  });

  it('accept ordinary addresses', () => {
    for (const email of ['a@b.co', 'first.last+tag@sub.example.org', 'x_y-z@example.test']) {
      expect(emailProblem(email)).toBeUndefined();
    }
  });

  it('refuse malformed addresses', () => {
    for (const email of [
      '',
      'plain',
      'a@b',
      '@example.com',
      'a@.com',
      'a@example.',
      'a b@example.com',
      'a@b@example.com',
      'a@example..com',
    ]) {
      expect(emailProblem(email)).toEqual({ field: 'email', message: expect.any(String) });
    }
  });

  it('refuse addresses longer than 254 characters or with a local part over 64', () => {
    const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.com`;
    expect(emailProblem(`${'a'.repeat(254 - domain.length - 1)}@${domain}`)).toBeDefined(); // local part > 64
    expect(emailProblem(`${'a'.repeat(64)}@${domain}`)).toBeUndefined();
    expect(emailProblem(`${'a'.repeat(64)}@${'b'.repeat(186)}.com`)?.message).toMatch(/at most 254/);
  });
});

import { GuestCartToken } from './guest-cart-token';

describe('GuestCartToken', () => {
  it('issues 256-bit tokens and stores only their SHA-256', () => {
    const { token, hash } = GuestCartToken.generate();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toHaveLength(32);
    expect(hash.equals(Buffer.from(token))).toBe(false);
  });

  it('matches the right token only', () => {
    const { token, hash } = GuestCartToken.generate();
    expect(GuestCartToken.matches(token, hash)).toBe(true);
    expect(GuestCartToken.matches(GuestCartToken.generate().token, hash)).toBe(false);
    expect(GuestCartToken.matches(undefined, hash)).toBe(false);
    expect(GuestCartToken.matches('', hash)).toBe(false);
  });
});

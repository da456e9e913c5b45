import { OrderToken } from './order-token';

describe('OrderToken', () => {
  it('issues 256 random bits as base64url, a different one each time', () => {
    const token = OrderToken.generate();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(OrderToken.generate()).not.toBe(token);
  });

  it('matches only the token whose hash is stored', () => {
    const token = OrderToken.generate();
    const stored = OrderToken.hash(token);
    expect(OrderToken.matches(token, stored)).toBe(true);
    expect(OrderToken.matches(OrderToken.generate(), stored)).toBe(false);
    expect(OrderToken.matches(undefined, stored)).toBe(false);
    expect(OrderToken.matches('', stored)).toBe(false);
    expect(OrderToken.matches(token, null)).toBe(false);
  });
});

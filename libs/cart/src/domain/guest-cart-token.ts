import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A guest cart is held by a bearer token: 256 random bits, shown once. Only its SHA-256 is
 * stored, so a database leak does not hand out carts.
 */
export const GuestCartToken = {
  generate(): { token: string; hash: Buffer } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: GuestCartToken.hash(token) };
  },

  hash(token: string): Buffer {
    return createHash('sha256').update(token, 'utf8').digest();
  },

  /** Constant-time comparison of a presented token with the stored hash. */
  matches(token: string | undefined, storedHash: Buffer): boolean {
    if (typeof token !== 'string' || token.length === 0 || token.length > 256) return false;
    const presented = GuestCartToken.hash(token);
    return presented.length === storedHash.length && timingSafeEqual(presented, storedHash);
  },
};

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A guest order is held by a bearer token: 256 random bits (base64url), shown once at checkout
 * and in the confirmation e-mail's link. Only its SHA-256 is stored.
 */
export const OrderToken = {
  generate(): string {
    return randomBytes(32).toString('base64url');
  },

  hash(token: string): Buffer {
    return createHash('sha256').update(token, 'utf8').digest();
  },

  /** Constant-time comparison of a presented token with the stored hash (false when either is missing). */
  matches(token: string | undefined, storedHash: Buffer | null): boolean {
    if (!storedHash || typeof token !== 'string' || token.length === 0 || token.length > 256) return false;
    const presented = OrderToken.hash(token);
    return presented.length === storedHash.length && timingSafeEqual(presented, storedHash);
  },
};

import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: what the client holds. Only its SHA-256 is stored. */
export function newRefreshTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

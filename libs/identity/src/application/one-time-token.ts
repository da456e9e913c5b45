import { createHash, randomBytes } from 'node:crypto';

export interface OneTimeToken {
  /** 256 random bits, base64url: what the e-mail link carries. Never stored, never logged. */
  secret: string;
  /** Its SHA-256: the only form stored, looked up by equality (no timing-sensitive comparison in code). */
  hash: Buffer;
}

export function newOneTimeToken(): OneTimeToken {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashOneTimeToken(secret) };
}

export function hashOneTimeToken(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

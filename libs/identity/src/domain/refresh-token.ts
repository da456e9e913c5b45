/**
 * Refresh-token families. A sign-in starts a family; each refresh spends the presented token
 * and issues its successor in the same family. A token can be spent once: presenting a spent
 * one means two parties hold the family (one of them a thief), so the whole family is revoked.
 */
export interface RefreshTokenRecord {
  usedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

export type RefreshTokenVerdict = 'valid' | 'reused' | 'revoked' | 'expired';

export function judgeRefreshToken(token: RefreshTokenRecord, now: Date): RefreshTokenVerdict {
  // A spent token is reuse even when it has since expired or the family was revoked.
  if (token.usedAt) return 'reused';
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

/** Only reuse is evidence of theft; revoked or expired tokens are merely refused. */
export function revokesFamily(verdict: RefreshTokenVerdict): boolean {
  return verdict === 'reused';
}

import type { RefreshTokenRecord } from '../domain/refresh-token';

export interface NewRefreshToken {
  userId: string;
  familyId: string;
  tokenHash: Buffer;
  /** Counted from the database clock, like every other timestamp of the token. */
  ttlSeconds: number;
}

export interface SpentRefreshToken {
  userId: string;
  familyId: string;
}

export interface StoredRefreshToken extends RefreshTokenRecord {
  familyId: string;
}

export abstract class RefreshTokenRepository {
  abstract insert(token: NewRefreshToken): Promise<void>;
  /**
   * Marks a valid (unused, unrevoked, unexpired) token as used in one conditional statement and
   * returns its owner; null when it was not valid, so of two parallel spenders only one wins.
   */
  abstract spend(tokenHash: Buffer): Promise<SpentRefreshToken | null>;
  abstract find(tokenHash: Buffer): Promise<StoredRefreshToken | null>;
  abstract revokeFamily(familyId: string): Promise<void>;
  /** Revokes the family of the token with this hash, if there is one; returns its user's id. */
  abstract revokeFamilyOf(tokenHash: Buffer): Promise<string | null>;
  abstract revokeAllOf(userId: string): Promise<void>;
}

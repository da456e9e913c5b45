import { Injectable } from '@nestjs/common';
import { Transactional } from '@congocart/shared';
import { InvalidRefreshTokenError } from '../domain/identity.errors';
import { judgeRefreshToken, revokesFamily } from '../domain/refresh-token';
import { RefreshTokenRepository } from './refresh-token-repository.port';
import { hashRefreshToken } from './refresh-token-secret';
import type { Session } from './session';
import { SessionIssuer } from './session-issuer';
import { UserRepository } from './user-repository.port';

/**
 * Rotates a refresh token: spends it and issues its successor with the user's current role.
 * Presenting a spent token revokes its whole family (theft detection).
 */
@Injectable()
export class RefreshSession {
  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(refreshToken: string): Promise<Session> {
    const tokenHash = hashRefreshToken(refreshToken);
    const session = await this.rotate(tokenHash);
    if (session) return session;
    // Outside the rotation's transaction, so that a revocation survives the 401 that follows.
    const stored = await this.refreshTokens.find(tokenHash);
    if (stored && revokesFamily(judgeRefreshToken(stored, new Date()))) await this.refreshTokens.revokeFamily(stored.familyId);
    throw new InvalidRefreshTokenError();
  }

  /** The session, or null when the token is not (or no longer) valid or its user is disabled. */
  @Transactional()
  private async rotate(tokenHash: Buffer): Promise<Session | null> {
    const spent = await this.refreshTokens.spend(tokenHash);
    if (!spent) return null;
    const user = await this.users.findById(spent.userId);
    if (!user || user.disabled) throw new InvalidRefreshTokenError();
    return this.sessions.continue(user, spent.familyId);
  }
}

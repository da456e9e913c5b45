import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { User } from '../domain/user';
import { IdentityConfig } from '../identity.config';
import { AccessTokens } from './access-tokens';
import { RefreshTokenRepository } from './refresh-token-repository.port';
import { hashRefreshToken, newRefreshTokenSecret } from './refresh-token-secret';
import type { Session } from './session';

/** Issues the tokens of a session; the access token carries the role the user has now. */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly config: IdentityConfig,
  ) {}

  /** A new sign-in: a new refresh-token family. */
  start(user: User): Promise<Session> {
    return this.issue(user, randomUUID());
  }

  /** A refresh: the successor in the same family. */
  continue(user: User, familyId: string): Promise<Session> {
    return this.issue(user, familyId);
  }

  private async issue(user: User, familyId: string): Promise<Session> {
    const refreshToken = newRefreshTokenSecret();
    await this.refreshTokens.insert({
      userId: user.id,
      familyId,
      tokenHash: hashRefreshToken(refreshToken),
      ttlSeconds: this.config.refreshTokenTtlSeconds,
    });
    const { accessToken, expiresIn } = this.accessTokens.issue({ userId: user.id, role: user.role }, familyId);
    return { user, accessToken, refreshToken, expiresIn };
  }
}

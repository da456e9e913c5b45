import { Injectable } from '@nestjs/common';
import { Transactional } from '@congocart/shared';
import { AccessChanges } from './access-state.port';
import { CurrentAccess } from './current-access';
import { RefreshTokenRepository } from './refresh-token-repository.port';
import { hashRefreshToken } from './refresh-token-secret';

/**
 * Ends the session (the whole family) the refresh token belongs to, its access tokens included;
 * unknown or revoked tokens are fine.
 */
@Injectable()
export class SignOut {
  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly changes: AccessChanges,
    private readonly access: CurrentAccess,
  ) {}

  async execute(refreshToken: string): Promise<void> {
    const userId = await this.revoke(refreshToken);
    if (userId) this.access.forget(userId); // after the commit, so no request re-caches the live session
  }

  @Transactional()
  private async revoke(refreshToken: string): Promise<string | null> {
    const userId = await this.refreshTokens.revokeFamilyOf(hashRefreshToken(refreshToken));
    if (userId) await this.changes.announce(userId);
    return userId;
  }
}

import { Injectable } from '@nestjs/common';
import { RefreshTokenRepository } from './refresh-token-repository.port';
import { hashRefreshToken } from './refresh-token-secret';

/** Ends the session (the whole family) the refresh token belongs to; unknown or revoked tokens are fine. */
@Injectable()
export class SignOut {
  constructor(private readonly refreshTokens: RefreshTokenRepository) {}

  async execute(refreshToken: string): Promise<void> {
    await this.refreshTokens.revokeFamilyOf(hashRefreshToken(refreshToken));
  }
}

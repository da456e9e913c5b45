import { Injectable } from '@nestjs/common';
import { Transactional, ValidationFailedError } from '@congocart/shared';
import { InvalidTokenError } from '../domain/accounts.errors';
import { passwordProblems } from '../domain/password-policy';
import { AccountTokenRepository } from './account-token-repository.port';
import { hashOneTimeToken } from './one-time-token';
import { PasswordHasher } from './password-hasher.port';
import { RefreshTokenRepository } from './refresh-token-repository.port';
import { UserAccountRepository } from './user-account-repository.port';

/**
 * Sets a new password with the token of a reset e-mail. The token is spent in the same
 * transaction that sets the password and revokes every session (refresh token) of the user;
 * the slow hashing happens before, against a token that is checked again when spent.
 */
@Injectable()
export class ConfirmPasswordReset {
  constructor(
    private readonly tokens: AccountTokenRepository,
    private readonly accounts: UserAccountRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: { token: string; newPassword: string }): Promise<void> {
    const tokenHash = hashOneTimeToken(command.token);
    const holder = await this.tokens.findValid(tokenHash, 'password_reset');
    if (!holder) throw new InvalidTokenError();
    const problems = passwordProblems(command.newPassword, holder.email, 'newPassword');
    if (problems.length) throw new ValidationFailedError(problems);
    await this.reset(tokenHash, await this.hasher.hash(command.newPassword));
  }

  @Transactional()
  private async reset(tokenHash: Buffer, passwordHash: string): Promise<void> {
    const holder = await this.tokens.spend(tokenHash, 'password_reset');
    if (!holder) throw new InvalidTokenError();
    await this.accounts.setPasswordHash(holder.userId, passwordHash);
    await this.tokens.spendAllOf(holder.userId, 'password_reset');
    await this.refreshTokens.revokeAllOf(holder.userId);
  }
}

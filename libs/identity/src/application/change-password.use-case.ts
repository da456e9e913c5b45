import { Injectable } from '@nestjs/common';
import { NotFoundError, Transactional, ValidationFailedError } from '@congocart/shared';
import { AccountsConfig } from '../accounts.config';
import { TooManyAccountRequestsError, WrongCurrentPasswordError } from '../domain/accounts.errors';
import { passwordProblems } from '../domain/password-policy';
import type { Actor } from '../domain/role';
import { AccountRequestLimiter } from './account-request-limiter.port';
import { PasswordHasher } from './password-hasher.port';
import { RefreshTokenRepository } from './refresh-token-repository.port';
import { UserAccountRepository } from './user-account-repository.port';

const HOUR_SECONDS = 3600;

export interface ChangePasswordCommand {
  currentPassword: string;
  newPassword: string;
}

/**
 * The signed-in user sets a new password, proving the current one. Every refresh token of the
 * user is revoked: access tokens do not yet name their session, so the caller's own cannot be
 * told apart and ends too (its access token works until it expires, then sign in again).
 */
@Injectable()
export class ChangePassword {
  constructor(
    private readonly accounts: UserAccountRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: AccountRequestLimiter,
    private readonly config: AccountsConfig,
  ) {}

  async execute(actor: Actor, command: ChangePasswordCommand): Promise<void> {
    // A stolen access token must not become an unlimited password oracle.
    const refusal = await this.limiter.take(`password-change:${actor.userId}`, this.config.passwordChangesPerHour, HOUR_SECONDS);
    if (refusal) throw new TooManyAccountRequestsError(refusal.retryAfterSeconds);
    const account = await this.accounts.findPasswordHash(actor.userId);
    if (!account) throw new NotFoundError('User');
    if (!(await this.hasher.verify(account.passwordHash, command.currentPassword))) throw new WrongCurrentPasswordError();
    const problems = passwordProblems(command.newPassword, account.email, 'newPassword');
    if (problems.length) throw new ValidationFailedError(problems);
    await this.store(actor.userId, await this.hasher.hash(command.newPassword));
  }

  @Transactional()
  private async store(userId: string, passwordHash: string): Promise<void> {
    await this.accounts.setPasswordHash(userId, passwordHash);
    await this.refreshTokens.revokeAllOf(userId);
  }
}

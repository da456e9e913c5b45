import { Injectable } from '@nestjs/common';
import { Transactional } from '@congocart/shared';
import { InvalidTokenError } from '../domain/accounts.errors';
import { AccountTokenRepository } from './account-token-repository.port';
import { EmailVerifiedHooks } from './email-verified-hooks';
import { hashOneTimeToken } from './one-time-token';
import { UserAccountRepository } from './user-account-repository.port';

/** Spends a verification token and marks the address verified; the hooks run in the same transaction. */
@Injectable()
export class VerifyEmail {
  constructor(
    private readonly tokens: AccountTokenRepository,
    private readonly accounts: UserAccountRepository,
    private readonly hooks: EmailVerifiedHooks,
  ) {}

  @Transactional()
  async execute(token: string): Promise<void> {
    const holder = await this.tokens.spend(hashOneTimeToken(token), 'email_verification');
    if (!holder) throw new InvalidTokenError();
    await this.accounts.markEmailVerified(holder.userId);
    await this.tokens.spendAllOf(holder.userId, 'email_verification');
    await this.hooks.notify({ userId: holder.userId, email: holder.email });
  }
}

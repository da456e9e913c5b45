import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccountsConfig } from '../accounts.config';
import { TooManyAccountRequestsError } from '../domain/accounts.errors';
import { normaliseEmail } from '../domain/email-address';
import { AccountMailDispatch } from './account-mail-dispatch';
import { AccountRequestLimiter } from './account-request-limiter.port';
import { AccountTokenRepository } from './account-token-repository.port';
import { newOneTimeToken } from './one-time-token';

const HOUR_SECONDS = 3600;

/**
 * Starts a password reset. Known and unknown addresses take the same path (the same limits,
 * one token generated and hashed, one INSERT … SELECT that inserts nothing for an unknown or
 * disabled account) and get the same answer; only an enabled account is sent the link.
 */
@Injectable()
export class RequestPasswordReset {
  constructor(
    private readonly tokens: AccountTokenRepository,
    private readonly limiter: AccountRequestLimiter,
    private readonly mails: AccountMailDispatch,
    private readonly config: AccountsConfig,
  ) {}

  async execute(command: { email: string; clientIp: string }): Promise<void> {
    const email = normaliseEmail(command.email);
    await this.throttle(`password-reset-ip:${command.clientIp}`, this.config.passwordResetRequestsPerHourPerIp);
    // The address is hashed so rate-limit keys (in Redis) hold no e-mail addresses.
    await this.throttle(`password-reset-email:${createHash('sha256').update(email).digest('hex')}`, this.config.accountMailsPerHour);
    const token = newOneTimeToken();
    const issued = await this.tokens.issueForEmail(email, {
      purpose: 'password_reset',
      tokenHash: token.hash,
      ttlSeconds: this.config.passwordResetTtlSeconds,
    });
    if (issued)
      this.mails.dispatch({
        purpose: 'password_reset',
        messageId: issued.tokenId,
        to: issued.email,
        name: issued.name,
        token: token.secret,
      });
  }

  private async throttle(key: string, limit: number): Promise<void> {
    const refusal = await this.limiter.take(key, limit, HOUR_SECONDS);
    if (refusal) throw new TooManyAccountRequestsError(refusal.retryAfterSeconds);
  }
}

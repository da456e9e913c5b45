import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@congocart/shared';
import { AccountsConfig } from '../accounts.config';
import { TooManyAccountRequestsError } from '../domain/accounts.errors';
import type { Actor } from '../domain/role';
import { AccountMailDispatch } from './account-mail-dispatch';
import { AccountRequestLimiter } from './account-request-limiter.port';
import { EmailVerificationIssuer } from './email-verification-issuer';
import { UserRepository } from './user-repository.port';

const HOUR_SECONDS = 3600;

/** Sends the signed-in user a new verification link (nothing when the address is already verified). */
@Injectable()
export class ResendVerificationEmail {
  constructor(
    private readonly users: UserRepository,
    private readonly issuer: EmailVerificationIssuer,
    private readonly limiter: AccountRequestLimiter,
    private readonly mails: AccountMailDispatch,
    private readonly config: AccountsConfig,
  ) {}

  async execute(actor: Actor): Promise<void> {
    const refusal = await this.limiter.take(`verification-email:${actor.userId}`, this.config.accountMailsPerHour, HOUR_SECONDS);
    if (refusal) throw new TooManyAccountRequestsError(refusal.retryAfterSeconds);
    const user = await this.users.findById(actor.userId);
    if (!user) throw new NotFoundError('User');
    if (user.emailVerified) return;
    const mail = await this.issuer.issue(user.id);
    if (mail) this.mails.dispatch(mail);
  }
}

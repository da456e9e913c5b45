import { Injectable } from '@nestjs/common';
import { AccountsConfig } from '../accounts.config';
import type { AccountMail } from './account-mailer.port';
import { AccountTokenRepository } from './account-token-repository.port';
import { newOneTimeToken } from './one-time-token';

/** Issues a verification token (inside the caller's transaction) and returns the e-mail to dispatch after it commits. */
@Injectable()
export class EmailVerificationIssuer {
  constructor(
    private readonly tokens: AccountTokenRepository,
    private readonly config: AccountsConfig,
  ) {}

  async issue(userId: string): Promise<AccountMail | null> {
    const token = newOneTimeToken();
    const issued = await this.tokens.issueForUser(userId, {
      purpose: 'email_verification',
      tokenHash: token.hash,
      ttlSeconds: this.config.emailVerificationTtlSeconds,
    });
    return issued
      ? { purpose: 'email_verification', messageId: issued.tokenId, to: issued.email, name: issued.name, token: token.secret }
      : null;
  }
}

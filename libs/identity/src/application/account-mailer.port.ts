import type { AccountTokenPurpose } from '../domain/account-token';

/** An account e-mail: a link carrying a single-use token. */
export interface AccountMail {
  purpose: AccountTokenPurpose;
  /** The token's id: what makes the message go out once. */
  messageId: string;
  to: string;
  name: string;
  token: string;
}

/**
 * Sends account e-mails. Bound by the composition root (to the notifications context), so
 * identity knows nothing of templates or transports.
 */
export abstract class AccountMailer {
  abstract send(mail: AccountMail): Promise<void>;
}

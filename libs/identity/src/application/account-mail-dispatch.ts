import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { AccountMailer, AccountMail } from './account-mailer.port';

/**
 * Sends account e-mails in the background, after the transaction that issued their tokens has
 * committed (callers dispatch only once their @Transactional method returned), so a rollback
 * never sends a link and the request does not wait on SMTP. A crash between commit and send
 * loses the e-mail; the user asks again (reset, resend). Shutdown waits for sends in flight
 * (before the database closes).
 */
@Injectable()
export class AccountMailDispatch implements BeforeApplicationShutdown {
  private readonly logger = new Logger('AccountMail');
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly mailer: AccountMailer) {}

  dispatch(mail: AccountMail): void {
    const sending = this.mailer
      .send(mail)
      .catch((error: unknown) => {
        // Never the token: only which message failed and why.
        const reason = error instanceof Error ? error.message.slice(0, 200) : 'send failed';
        this.logger.warn({ messageId: mail.messageId, purpose: mail.purpose, reason }, 'Account e-mail not sent');
      })
      .finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }
}

import { EnvReader } from '@congocart/shared';

/** E-mail settings: the store's identity in messages, and where messages go. */
export class NotificationsConfig {
  readonly storeName: string;
  readonly mailFrom: string;
  readonly storefrontUrl: string;
  /** smtp:// or smtps:// URL (credentials inside); unset: .eml files under outboxDir. */
  readonly smtpUrl: string | undefined;
  readonly outboxDir: string;
  /** A send still unrecorded after this long is taken to have crashed, and may be sent again. */
  readonly sendLeaseMs = 5 * 60_000;

  constructor(env: EnvReader = new EnvReader()) {
    this.storeName = env.string('STORE_NAME', 'CongoCart');
    this.mailFrom = env.string('MAIL_FROM', `"${this.storeName}" <no-reply@localhost>`);
    this.storefrontUrl = env.url('STOREFRONT_URL', ['http:', 'https:']) ?? 'http://localhost:3000';
    this.smtpUrl = env.url('SMTP_URL', ['smtp:', 'smtps:']);
    this.outboxDir = env.string('MAIL_OUTBOX_DIR', '.data/mail');
  }
}

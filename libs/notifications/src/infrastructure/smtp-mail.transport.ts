import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { MailTransport, OutgoingMail } from '../application/mail-transport.port';

/** Nodemailer over SMTP_URL (smtp:// with STARTTLS when offered, or smtps://). */
@Injectable()
export class SmtpMailTransport extends MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(smtpUrl: string) {
    super();
    this.transporter = createTransport(smtpUrl);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail(mail);
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}

import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { MailTransport, OutgoingMail } from '../application/mail-transport.port';

/** Without SMTP_URL: each message as an .eml file (open it in any mail client), its subject logged. */
@Injectable()
export class EmlFileMailTransport extends MailTransport {
  private readonly logger = new Logger('Mail');
  private readonly composer: Transporter = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(private readonly directory: string) {
    super();
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.composer.sendMail(mail)) as { message: Buffer };
    await mkdir(this.directory, { recursive: true });
    const file = join(this.directory, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`);
    await writeFile(file, info.message, { mode: 0o600 });
    this.logger.log({ to: mail.to, subject: mail.subject, file }, `E-mail written to ${file}: ${mail.subject}`);
  }
}

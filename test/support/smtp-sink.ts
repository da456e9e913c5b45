import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** An SMTP server on loopback (smtp-server) that keeps every message it accepts. */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  /** The next this many messages are refused with a temporary error (451). */
  refuseNext = 0;
  private waiters: { count: number; resolve: () => void }[] = [];
  private server: SMTPServer;

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    sink.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (sink.refuseNext > 0) {
            sink.refuseNext--;
            return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          }
          sink.mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
          sink.notify();
        });
      },
    });
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  waitForCount(count: number): Promise<void> {
    if (this.mails.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private notify(): void {
    const ready = this.waiters.filter((waiter) => this.mails.length >= waiter.count);
    this.waiters = this.waiters.filter((waiter) => this.mails.length < waiter.count);
    ready.forEach((waiter) => waiter.resolve());
  }
}

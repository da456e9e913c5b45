export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Hands a message over for delivery (SMTP, or a file when no server is configured). */
export abstract class MailTransport {
  abstract send(mail: OutgoingMail): Promise<void>;
}

import { Injectable } from '@nestjs/common';
import { AccountMail, AccountMailer } from '@congocart/identity';
import { SendNotification } from '@congocart/notifications';

/** Identity's account e-mails, sent by the notifications context (templates, transport, send-once log). */
@Injectable()
export class NotificationsAccountMailer extends AccountMailer {
  constructor(private readonly sendNotification: SendNotification) {
    super();
  }

  async send(mail: AccountMail): Promise<void> {
    await this.sendNotification.execute({
      eventId: mail.messageId,
      recipient: mail.to,
      notification: { template: mail.purpose, name: mail.name, token: mail.token },
    });
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { SealedBox } from '@congocart/shared';
import { DomainEvent, notificationFor } from '../domain/notification-for';
import { SendNotification } from './send-notification.use-case';

/** The subscriber of order events: the customer's e-mail for that event, if it calls for one. */
@Injectable()
export class NotifyCustomer {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly sendNotification: SendNotification,
    private readonly sealedBox: SealedBox,
  ) {}

  async execute(event: DomainEvent): Promise<'sent' | 'duplicate' | 'none'> {
    const message = notificationFor(event, { orderToken: this.orderTokenOf(event) });
    if (!message) return 'none';
    return this.sendNotification.execute({ eventId: event.id, recipient: message.recipient, notification: message.notification });
  }

  /** A guest order's token, sealed into its order.placed event (the order itself keeps only the hash). */
  private orderTokenOf(event: DomainEvent): string | null {
    const sealed = event.sealed?.orderToken;
    if (!sealed) return null;
    const token = this.sealedBox.open(sealed);
    // Sealed under another key (SEALING_KEY changed meanwhile): the confirmation goes out without the guest link.
    if (token === null) this.logger.warn({ eventId: event.id }, 'A sealed order token could not be opened');
    return token;
  }
}

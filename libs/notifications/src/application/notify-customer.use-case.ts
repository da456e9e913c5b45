import { Injectable } from '@nestjs/common';
import { DomainEvent, notificationFor } from '../domain/notification-for';
import { SendNotification } from './send-notification.use-case';

/** The subscriber of order events: the customer's e-mail for that event, if it calls for one. */
@Injectable()
export class NotifyCustomer {
  constructor(private readonly sendNotification: SendNotification) {}

  async execute(event: DomainEvent): Promise<'sent' | 'duplicate' | 'none'> {
    const message = notificationFor(event);
    if (!message) return 'none';
    return this.sendNotification.execute({ eventId: event.id, recipient: message.recipient, notification: message.notification });
  }
}

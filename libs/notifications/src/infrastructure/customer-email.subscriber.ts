import { Injectable } from '@nestjs/common';
import { EventSubscribers } from '@congocart/shared';
import { NotifyCustomer } from '../application/notify-customer.use-case';
import type { DomainEvent } from '../domain/notification-for';

/** The order events that call for a customer e-mail (subscriber `notifications.customer-email`). */
export const CUSTOMER_EMAIL_EVENTS = ['order.placed', 'order.paid', 'order.fulfilled', 'order.cancelled', 'order.refunded'];

/** Each of those events, once committed, becomes the customer's e-mail; a failed send is retried by the job. */
@Injectable()
export class CustomerEmailSubscriber {
  constructor(subscribers: EventSubscribers, notify: NotifyCustomer) {
    subscribers.add({
      name: 'notifications.customer-email',
      events: CUSTOMER_EMAIL_EVENTS,
      handle: (event) => notify.execute(event as DomainEvent),
    });
  }
}

// The notifications context's public surface.
export { NotificationsModule } from './notifications.module';
export { NotificationsConfig } from './notifications.config';
export { SendNotification } from './application/send-notification.use-case';
export type { SendNotificationCommand } from './application/send-notification.use-case';
export { NotifyCustomer } from './application/notify-customer.use-case';
export { notificationFor } from './domain/notification-for';
export type { DomainEvent } from './domain/notification-for';
export { TEMPLATE_NAMES } from './domain/notification';
export type { Notification, OrderSummary, TemplateName } from './domain/notification';

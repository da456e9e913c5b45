import type { TemplateName } from '../domain/notification';

export type MailOutcome = 'sent' | 'failed' | 'duplicate';

export abstract class NotificationMetrics {
  abstract mail(template: TemplateName, outcome: MailOutcome): void;
}

import { Injectable, Logger } from '@nestjs/common';
import { renderNotification } from '../domain/mail-templates';
import type { Notification } from '../domain/notification';
import { NotificationsConfig } from '../notifications.config';
import { MailTransport } from './mail-transport.port';
import { NotificationKey, NotificationLog } from './notification-log.port';
import { NotificationMetrics } from './notification-metrics.port';

export interface SendNotificationCommand {
  /** The event (or token issue) this message is about; with recipient and template, its key. */
  eventId: string;
  recipient: string;
  notification: Notification;
}

/**
 * Sends a message once per (event, recipient, template): the key is claimed in a table with a
 * unique constraint before sending and marked sent after. A crash between the send and the mark
 * leaves the claim unrecorded; once it is stale the message may go out one more time (at least
 * once, at most one repeat per crash). A failed send is recorded and rethrown for the job to retry.
 */
@Injectable()
export class SendNotification {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly config: NotificationsConfig,
    private readonly log: NotificationLog,
    private readonly transport: MailTransport,
    private readonly metrics: NotificationMetrics,
  ) {}

  async execute(command: SendNotificationCommand): Promise<'sent' | 'duplicate'> {
    const template = command.notification.template;
    const key: NotificationKey = { eventId: command.eventId, recipient: command.recipient.trim().toLowerCase(), template };
    const now = new Date();
    if (!(await this.log.claim(key, now, new Date(now.getTime() - this.config.sendLeaseMs)))) {
      this.metrics.mail(template, 'duplicate');
      return 'duplicate';
    }
    const mail = renderNotification(command.notification, this.config);
    try {
      await this.transport.send({ from: this.config.mailFrom, to: key.recipient, ...mail });
    } catch (error) {
      const reason = error instanceof Error ? error.message.slice(0, 500) : 'send failed';
      await this.log.markFailed(key, reason, new Date());
      this.metrics.mail(template, 'failed');
      this.logger.warn({ eventId: key.eventId, template, reason }, 'E-mail not sent; it will be retried');
      throw error;
    }
    await this.log.markSent(key, new Date());
    this.metrics.mail(template, 'sent');
    return 'sent';
  }
}

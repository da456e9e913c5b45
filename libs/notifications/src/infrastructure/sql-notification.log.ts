import { Injectable } from '@nestjs/common';
import { TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { queryRows } from './query-rows';
import { NotificationKey, NotificationLog } from '../application/notification-log.port';

@Injectable()
export class SqlNotificationLog extends NotificationLog {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async claim(key: NotificationKey, now: Date, staleBefore: Date): Promise<boolean> {
    // One statement: of two concurrent senders of one key, exactly one gets the row back.
    const rows: unknown[] = await queryRows(
      this.txHost,
      `INSERT INTO notifications (event_id, recipient, template, status, attempts, claimed_at, created_at, updated_at)
       VALUES ($1, $2, $3, 'sending', 1, $4, $4, $4)
       ON CONFLICT (event_id, recipient, template) DO UPDATE
         SET status = 'sending', attempts = notifications.attempts + 1, claimed_at = $4, updated_at = $4
         WHERE notifications.status = 'failed' OR (notifications.status = 'sending' AND notifications.claimed_at < $5)
       RETURNING id`,
      [key.eventId, key.recipient, key.template, now, staleBefore],
    );
    return rows.length > 0;
  }

  async markSent(key: NotificationKey, now: Date): Promise<void> {
    await queryRows(
      this.txHost,
      `UPDATE notifications SET status = 'sent', sent_at = $4, last_error = NULL, updated_at = $4
       WHERE event_id = $1 AND recipient = $2 AND template = $3`,
      [key.eventId, key.recipient, key.template, now],
    );
  }

  async markFailed(key: NotificationKey, error: string, now: Date): Promise<void> {
    await queryRows(
      this.txHost,
      `UPDATE notifications SET status = 'failed', last_error = $4, updated_at = $5
       WHERE event_id = $1 AND recipient = $2 AND template = $3`,
      [key.eventId, key.recipient, key.template, error, now],
    );
  }
}

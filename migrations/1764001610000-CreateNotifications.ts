import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer e-mails sent or being sent: the unique (event, recipient, template) is what makes a
 * message go out once per event and recipient (claimed before the send, marked sent after).
 */
export class CreateNotifications1764001610000 implements MigrationInterface {
  name = 'CreateNotifications1764001610000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id text NOT NULL,
        recipient text NOT NULL,
        template text NOT NULL,
        status text NOT NULL,
        attempts integer NOT NULL DEFAULT 1,
        last_error text,
        claimed_at timestamptz NOT NULL,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notifications_status_known CHECK (status IN ('sending', 'sent', 'failed')),
        CONSTRAINT notifications_once_per_event UNIQUE (event_id, recipient, template)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notifications`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payments: one row per charge attempt (failed attempts are kept), and the provider webhook
 * events already applied (a repeated event id is ignored). No foreign key to orders: they belong
 * to the ordering context.
 */
export class CreatePayments1764000600000 implements MigrationInterface {
  name = 'CreatePayments1764000600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        provider text NOT NULL,
        provider_reference text,
        status text NOT NULL,
        amount bigint NOT NULL,
        currency char(3) NOT NULL,
        failure_code text,
        refund_reference text,
        refunded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT payments_status_known CHECK (status IN ('pending', 'succeeded', 'failed', 'refunded')),
        CONSTRAINT payments_amount_positive CHECK (amount > 0),
        CONSTRAINT payments_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
        CONSTRAINT payments_refund_recorded CHECK ((status = 'refunded') = (refunded_at IS NOT NULL))
      )`);
    // An order is charged successfully at most once: one pending-or-succeeded payment per order.
    await queryRunner.query(
      `CREATE UNIQUE INDEX payments_one_live_per_order ON payments (order_id) WHERE status IN ('pending', 'succeeded')`,
    );
    await queryRunner.query(`CREATE INDEX payments_order_idx ON payments (order_id, created_at, id)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX payments_provider_reference_key ON payments (provider, provider_reference) WHERE provider_reference IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE payment_webhook_events (
        provider text NOT NULL,
        event_id text NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (provider, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE payment_webhook_events`);
    await queryRunner.query(`DROP TABLE payments`);
  }
}

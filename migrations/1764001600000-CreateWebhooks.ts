import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound webhooks: endpoints (signing secret AES-256-GCM-sealed: iv ‖ tag ‖ ciphertext) and one
 * delivery per (endpoint, event). `seq` orders both lists newest first and, per endpoint and
 * order, the deliveries in event order. Deleting an endpoint deletes its deliveries.
 */
export class CreateWebhooks1764001600000 implements MigrationInterface {
  name = 'CreateWebhooks1764001600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        url text NOT NULL,
        events text[] NOT NULL,
        description text,
        active boolean NOT NULL DEFAULT true,
        secret_sealed bytea NOT NULL,
        failing_since timestamptz,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_endpoints_events_present CHECK (cardinality(events) > 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
        event_id text NOT NULL,
        event_type text NOT NULL,
        order_key text,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        last_status_code integer,
        last_error text,
        next_attempt_at timestamptz,
        claimed_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_deliveries_status_known CHECK (status IN ('pending', 'succeeded', 'failed', 'dead')),
        CONSTRAINT webhook_deliveries_once_per_event UNIQUE (endpoint_id, event_id)
      )`);
    await queryRunner.query(`CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (endpoint_id, seq DESC)`);
    // The ordering check and the wake-up of the next in line look only at open deliveries of one order.
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_open_per_order_idx ON webhook_deliveries (endpoint_id, order_key, seq)
       WHERE status IN ('pending', 'failed') AND order_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_open_idx ON webhook_deliveries (next_attempt_at) WHERE status IN ('pending', 'failed')`,
    );
    await queryRunner.query(`CREATE INDEX webhook_deliveries_dead_idx ON webhook_deliveries (endpoint_id) WHERE status = 'dead'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_deliveries`);
    await queryRunner.query(`DROP TABLE webhook_endpoints`);
  }
}

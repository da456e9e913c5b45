import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payments remember the Idempotency-Key of the request that created them (unique per customer),
 * so a retry after a crash finds and resumes its payment instead of charging again.
 * `sandbox_provider_charges` is NOT CongoCart's data: it is the fake (sandbox) payment provider's
 * own ledger, kept in this database only so that it survives restarts as a real provider's would.
 */
export class PaymentKeysAndSandboxLedger1764001100000 implements MigrationInterface {
  name = 'PaymentKeysAndSandboxLedger1764001100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE payments ADD COLUMN idempotency_key text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX payments_customer_idempotency_key ON payments (customer_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX payments_pending_idx ON payments (updated_at) WHERE status = 'pending'`);
    await queryRunner.query(`
      CREATE TABLE sandbox_provider_charges (
        idempotency_key text PRIMARY KEY,
        order_id uuid NOT NULL,
        reference text NOT NULL UNIQUE,
        status text NOT NULL,
        decline_code text,
        amount bigint NOT NULL,
        currency char(3) NOT NULL,
        refund_reference text,
        attempts integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sandbox_provider_charges_status_known CHECK (status IN ('unavailable', 'pending', 'succeeded', 'failed'))
      )`);
    await queryRunner.query(`COMMENT ON TABLE sandbox_provider_charges IS 'State of the fake sandbox payment provider, not of CongoCart'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sandbox_provider_charges`);
    await queryRunner.query(`DROP INDEX payments_pending_idx`);
    await queryRunner.query(`DROP INDEX payments_customer_idempotency_key`);
    await queryRunner.query(`ALTER TABLE payments DROP COLUMN idempotency_key`);
  }
}

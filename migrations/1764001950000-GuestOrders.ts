import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Guest checkout: an order may have no customer (`customer_id` NULL) and is then held by its
 * order token, of which only the SHA-256 is stored. Existing orders keep their customer and get
 * no token. Guest orders are found by e-mail when their address is verified (attached to the
 * account) and counted per e-mail for the unpaid-order limit. A guest's payment has no customer:
 * its Idempotency-Key is unique per order instead.
 */
export class GuestOrders1764001950000 implements MigrationInterface {
  name = 'GuestOrders1764001950000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE orders ADD COLUMN order_token_hash bytea`);
    await queryRunner.query(
      `ALTER TABLE orders ADD CONSTRAINT orders_token_hash_sha256 CHECK (order_token_hash IS NULL OR octet_length(order_token_hash) = 32)`,
    );
    // A guest order (no customer yet) is reachable only through its token and must have an address for its e-mails.
    await queryRunner.query(
      `ALTER TABLE orders ADD CONSTRAINT orders_guest_reachable CHECK (customer_id IS NOT NULL OR (order_token_hash IS NOT NULL AND email IS NOT NULL))`,
    );
    await queryRunner.query(`CREATE INDEX orders_guest_email_idx ON orders (email) WHERE customer_id IS NULL`);

    await queryRunner.query(`ALTER TABLE payments ALTER COLUMN customer_id DROP NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX payments_guest_idempotency_key ON payments (order_id, idempotency_key)
       WHERE customer_id IS NULL AND idempotency_key IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX payments_guest_idempotency_key`);
    await queryRunner.query(`DELETE FROM payments WHERE customer_id IS NULL`);
    await queryRunner.query(`ALTER TABLE payments ALTER COLUMN customer_id SET NOT NULL`);
    await queryRunner.query(`DROP INDEX orders_guest_email_idx`);
    // Orders without a customer cannot be expressed by the older schema.
    await queryRunner.query(`DELETE FROM orders WHERE customer_id IS NULL`);
    await queryRunner.query(`ALTER TABLE orders DROP CONSTRAINT orders_guest_reachable`);
    await queryRunner.query(`ALTER TABLE orders DROP CONSTRAINT orders_token_hash_sha256`);
    await queryRunner.query(`ALTER TABLE orders DROP COLUMN order_token_hash`);
    await queryRunner.query(`ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL`);
  }
}

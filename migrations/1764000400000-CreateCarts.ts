import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Carts of the cart context. A customer cart has a customer_id, a guest cart only the SHA-256
 * of its bearer token; each customer has at most one active cart. Lines keep the unit price
 * the shopper last saw so a later price change can be flagged.
 */
export class CreateCarts1764000400000 implements MigrationInterface {
  name = 'CreateCarts1764000400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE carts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid,
        token_hash bytea,
        status text NOT NULL DEFAULT 'active',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT carts_status_check CHECK (status IN ('active', 'checked_out')),
        CONSTRAINT carts_owner_check CHECK ((customer_id IS NULL) <> (token_hash IS NULL)),
        CONSTRAINT carts_token_hash_length_check CHECK (token_hash IS NULL OR octet_length(token_hash) = 32)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX carts_one_active_per_customer ON carts (customer_id) WHERE status = 'active' AND customer_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX carts_guest_idle ON carts (updated_at) WHERE customer_id IS NULL`);
    await queryRunner.query(`
      CREATE TABLE cart_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cart_id uuid NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
        variant_id uuid NOT NULL,
        quantity integer NOT NULL,
        seen_unit_price bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cart_items_one_line_per_variant UNIQUE (cart_id, variant_id),
        CONSTRAINT cart_items_quantity_check CHECK (quantity BETWEEN 1 AND 99),
        CONSTRAINT cart_items_seen_unit_price_check CHECK (seen_unit_price >= 0)
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE cart_items`);
    await queryRunner.query(`DROP TABLE carts`);
  }
}

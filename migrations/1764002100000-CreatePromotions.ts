import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Promotions (pricing context) and their redemptions. `times_used` is the global counter taken
 * with one conditional UPDATE at checkout; `promotion_customer_uses` is the per-customer counter
 * taken with one conditional upsert; `promotion_redemptions` names the order each use belongs to,
 * so a cancelled or expired order gives it back once (`released_at`). Codes are unique
 * regardless of case. Timestamps keep milliseconds, as the API shows them (list cursors are exact). `customer_ref` is a user id (or a guest's e-mail).
 */
export class CreatePromotions1764002100000 implements MigrationInterface {
  name = 'CreatePromotions1764002100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE promotions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        code text,
        kind text NOT NULL,
        value bigint,
        min_subtotal_amount bigint,
        applies_to_product_ids uuid[],
        applies_to_category_ids uuid[],
        starts_at timestamptz,
        ends_at timestamptz,
        usage_limit integer,
        usage_limit_per_customer integer,
        times_used integer NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT promotions_kind CHECK (kind IN ('percentage', 'fixed_amount', 'free_shipping')),
        CONSTRAINT promotions_value_fits_kind CHECK (
          (kind = 'percentage' AND value BETWEEN 1 AND 10000) OR (kind = 'fixed_amount' AND value >= 1) OR (kind = 'free_shipping' AND value IS NULL)),
        CONSTRAINT promotions_limits CHECK (
          times_used >= 0 AND (usage_limit IS NULL OR usage_limit >= 1) AND (usage_limit_per_customer IS NULL OR usage_limit_per_customer >= 1)
          AND (min_subtotal_amount IS NULL OR min_subtotal_amount >= 0)),
        CONSTRAINT promotions_period CHECK (starts_at IS NULL OR ends_at IS NULL OR starts_at < ends_at)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX promotions_code_key ON promotions (lower(code)) WHERE code IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX promotions_automatic_idx ON promotions (created_at) WHERE code IS NULL AND active`);

    await queryRunner.query(`
      CREATE TABLE promotion_customer_uses (
        promotion_id uuid NOT NULL REFERENCES promotions (id) ON DELETE CASCADE,
        customer_ref text NOT NULL,
        uses integer NOT NULL,
        PRIMARY KEY (promotion_id, customer_ref),
        CONSTRAINT promotion_customer_uses_non_negative CHECK (uses >= 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE promotion_redemptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        promotion_id uuid NOT NULL REFERENCES promotions (id) ON DELETE CASCADE,
        order_ref text NOT NULL,
        customer_ref text NOT NULL,
        redeemed_at timestamptz NOT NULL DEFAULT now(),
        released_at timestamptz,
        CONSTRAINT promotion_redemptions_once_per_order UNIQUE (promotion_id, order_ref)
      )`);
    await queryRunner.query(`CREATE INDEX promotion_redemptions_order_idx ON promotion_redemptions (order_ref) WHERE released_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE promotion_redemptions`);
    await queryRunner.query(`DROP TABLE promotion_customer_uses`);
    await queryRunner.query(`DROP TABLE promotions`);
  }
}

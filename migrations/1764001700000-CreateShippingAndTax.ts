import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shipping methods and tax rates (pricing context), the variant's tax category, the cart's
 * destination, and the order's pricing snapshot. Existing orders read as untaxed, undiscounted
 * and charged the flat fee they were (shipping_fee_amount is unchanged; shipping_method stays
 * null). The `standard` method serves every country at 499, the old SHIPPING_FEE_MINOR default;
 * `price_follows_setting` makes start-up set it to the configured SHIPPING_FEE_MINOR until an
 * admin sets its price (see README, "Shipping and tax").
 */
export class CreateShippingAndTax1764001700000 implements MigrationInterface {
  name = 'CreateShippingAndTax1764001700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE shipping_methods (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        description text,
        price_amount bigint NOT NULL,
        free_over_amount bigint,
        countries char(2)[] NOT NULL DEFAULT '{}',
        delivery_days_min integer,
        delivery_days_max integer,
        active boolean NOT NULL DEFAULT true,
        price_follows_setting boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT shipping_methods_code_key UNIQUE (code),
        CONSTRAINT shipping_methods_amounts_non_negative CHECK (price_amount >= 0 AND (free_over_amount IS NULL OR free_over_amount >= 0)),
        CONSTRAINT shipping_methods_delivery_days CHECK (
          (delivery_days_min IS NULL) = (delivery_days_max IS NULL) AND (delivery_days_min IS NULL OR (delivery_days_min >= 0 AND delivery_days_max >= delivery_days_min)))
      )`);
    await queryRunner.query(
      `INSERT INTO shipping_methods (code, name, description, price_amount, price_follows_setting)
       VALUES ('standard', 'Standard shipping', 'Delivered to every country', 499, true)`,
    );

    await queryRunner.query(`
      CREATE TABLE tax_rates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        country char(2) NOT NULL,
        region text,
        tax_category text NOT NULL,
        rate integer NOT NULL,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tax_rates_rate_basis_points CHECK (rate BETWEEN 0 AND 10000),
        CONSTRAINT tax_rates_country_alpha2 CHECK (country ~ '^[A-Z]{2}$')
      )`);
    // One rate per (country, region, category); regions compare case-insensitively, like at checkout.
    await queryRunner.query(
      `CREATE UNIQUE INDEX tax_rates_destination_key ON tax_rates (country, lower(region), tax_category) NULLS NOT DISTINCT`,
    );

    await queryRunner.query(`ALTER TABLE product_variants ADD COLUMN tax_category text NOT NULL DEFAULT 'standard'`);
    await queryRunner.query(`ALTER TABLE carts ADD COLUMN shipping_country char(2), ADD COLUMN shipping_region text`);

    await queryRunner.query(`
      ALTER TABLE orders
        ADD COLUMN discount_total_amount bigint NOT NULL DEFAULT 0,
        ADD COLUMN tax_total_amount bigint NOT NULL DEFAULT 0,
        ADD COLUMN prices_include_tax boolean NOT NULL DEFAULT false,
        ADD COLUMN shipping_method jsonb,
        ADD COLUMN tax_lines jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN discounts jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE orders DROP CONSTRAINT orders_total_adds_up`);
    await queryRunner.query(`
      ALTER TABLE orders
        ADD CONSTRAINT orders_pricing_non_negative CHECK (discount_total_amount >= 0 AND tax_total_amount >= 0),
        ADD CONSTRAINT orders_total_adds_up CHECK (
          total_amount = subtotal_amount - discount_total_amount + shipping_fee_amount + CASE WHEN prices_include_tax THEN 0 ELSE tax_total_amount END)`);
    await queryRunner.query(`
      ALTER TABLE order_lines
        ADD COLUMN discount_amount bigint NOT NULL DEFAULT 0,
        ADD COLUMN tax_amount bigint NOT NULL DEFAULT 0,
        ADD COLUMN tax_rate integer NOT NULL DEFAULT 0,
        ADD CONSTRAINT order_lines_pricing_non_negative CHECK (discount_amount BETWEEN 0 AND line_total_amount AND tax_amount >= 0 AND tax_rate >= 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE order_lines DROP CONSTRAINT order_lines_pricing_non_negative,
      DROP COLUMN discount_amount, DROP COLUMN tax_amount, DROP COLUMN tax_rate`);
    await queryRunner.query(`ALTER TABLE orders DROP CONSTRAINT orders_total_adds_up, DROP CONSTRAINT orders_pricing_non_negative`);
    await queryRunner.query(
      `ALTER TABLE orders ADD CONSTRAINT orders_total_adds_up CHECK (total_amount = subtotal_amount + shipping_fee_amount)`,
    );
    await queryRunner.query(`ALTER TABLE orders DROP COLUMN discount_total_amount, DROP COLUMN tax_total_amount, DROP COLUMN prices_include_tax,
      DROP COLUMN shipping_method, DROP COLUMN tax_lines, DROP COLUMN discounts`);
    await queryRunner.query(`ALTER TABLE carts DROP COLUMN shipping_country, DROP COLUMN shipping_region`);
    await queryRunner.query(`ALTER TABLE product_variants DROP COLUMN tax_category`);
    await queryRunner.query(`DROP TABLE tax_rates`);
    await queryRunner.query(`DROP TABLE shipping_methods`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ordering: orders with their line snapshots and status history. Money is bigint minor units
 * (catalog prices may exceed the integer range). `version` backs optimistic locking; order numbers
 * (`CC-10001`, …) come from a sequence so they are unique and short.
 */
export class CreateOrdering1764000500000 implements MigrationInterface {
  name = 'CreateOrdering1764000500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE order_number_seq START WITH 10001`);
    await queryRunner.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL,
        customer_id uuid NOT NULL,
        status text NOT NULL,
        currency char(3) NOT NULL,
        subtotal_amount bigint NOT NULL,
        shipping_fee_amount bigint NOT NULL,
        total_amount bigint NOT NULL,
        shipping_address jsonb NOT NULL,
        carrier text,
        tracking_number text,
        payment_due_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT orders_number_key UNIQUE (number),
        CONSTRAINT orders_status_known CHECK (status IN ('pending_payment', 'paid', 'fulfilled', 'delivered', 'cancelled', 'refunded')),
        CONSTRAINT orders_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
        CONSTRAINT orders_amounts_non_negative CHECK (subtotal_amount >= 0 AND shipping_fee_amount >= 0),
        CONSTRAINT orders_total_adds_up CHECK (total_amount = subtotal_amount + shipping_fee_amount),
        CONSTRAINT orders_address_object CHECK (jsonb_typeof(shipping_address) = 'object'),
        CONSTRAINT orders_shipment_complete CHECK ((carrier IS NULL) = (tracking_number IS NULL)),
        CONSTRAINT orders_version_positive CHECK (version >= 1)
      )`);
    await queryRunner.query(`CREATE INDEX orders_customer_newest_idx ON orders (customer_id, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX orders_newest_idx ON orders (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX orders_status_newest_idx ON orders (status, created_at DESC, id DESC)`);
    // The expiry sweep only ever looks at unpaid orders whose payment window has passed.
    await queryRunner.query(`CREATE INDEX orders_payment_due_idx ON orders (payment_due_at) WHERE status = 'pending_payment'`);

    await queryRunner.query(`
      CREATE TABLE order_lines (
        order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        variant_id uuid NOT NULL,
        product_id uuid NOT NULL,
        sku text NOT NULL,
        product_name text NOT NULL,
        variant_name text NOT NULL,
        options jsonb NOT NULL DEFAULT '{}',
        unit_price_amount bigint NOT NULL,
        quantity integer NOT NULL,
        line_total_amount bigint NOT NULL,
        PRIMARY KEY (order_id, position),
        CONSTRAINT order_lines_position_non_negative CHECK (position >= 0),
        CONSTRAINT order_lines_quantity_positive CHECK (quantity > 0),
        CONSTRAINT order_lines_price_non_negative CHECK (unit_price_amount >= 0),
        CONSTRAINT order_lines_total_adds_up CHECK (line_total_amount = unit_price_amount * quantity),
        CONSTRAINT order_lines_options_object CHECK (jsonb_typeof(options) = 'object')
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX order_lines_variant_key ON order_lines (order_id, variant_id)`);

    await queryRunner.query(`
      CREATE TABLE order_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        actor text NOT NULL,
        reason text,
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT order_history_actor_present CHECK (char_length(actor) BETWEEN 1 AND 64)
      )`);
    await queryRunner.query(`CREATE INDEX order_history_order_idx ON order_history (order_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE order_history`);
    await queryRunner.query(`DROP TABLE order_lines`);
    await queryRunner.query(`DROP TABLE orders`);
    await queryRunner.query(`DROP SEQUENCE order_number_seq`);
  }
}

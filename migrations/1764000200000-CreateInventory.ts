import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inventory: one stock level per variant, an append-only movement ledger, and the read-side view
 * `inventory_availability` that catalog joins (exported as INVENTORY_AVAILABILITY_VIEW).
 * Ledger invariant: per variant, sum(delta) = on_hand and sum(reserved_delta) = reserved.
 */
export class CreateInventory1764000200000 implements MigrationInterface {
  name = 'CreateInventory1764000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stock_levels (
        variant_id uuid PRIMARY KEY,
        on_hand integer NOT NULL DEFAULT 0,
        reserved integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT stock_levels_on_hand_not_negative CHECK (on_hand >= 0),
        CONSTRAINT stock_levels_reserved_within_on_hand CHECK (reserved >= 0 AND reserved <= on_hand)
      )`);
    await queryRunner.query(`
      CREATE TABLE stock_movements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        variant_id uuid NOT NULL REFERENCES stock_levels (variant_id),
        kind text NOT NULL,
        delta integer NOT NULL,
        reserved_delta integer NOT NULL DEFAULT 0,
        reason text NOT NULL,
        reference text,
        actor_id uuid,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT stock_movements_kind_known CHECK (kind IN ('adjustment', 'reservation', 'release', 'commit', 'restock')),
        CONSTRAINT stock_movements_changes_something CHECK (delta <> 0 OR reserved_delta <> 0),
        CONSTRAINT stock_movements_reason_length CHECK (char_length(reason) BETWEEN 1 AND 200),
        CONSTRAINT stock_movements_reference_length CHECK (reference IS NULL OR char_length(reference) BETWEEN 1 AND 200)
      )`);
    await queryRunner.query(`CREATE INDEX stock_movements_variant_newest_first ON stock_movements (variant_id, created_at DESC, id DESC)`);
    // The ledger is evidence: the database itself refuses to rewrite or erase it.
    await queryRunner.query(`
      CREATE FUNCTION stock_movements_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'stock_movements is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements
      FOR EACH ROW EXECUTE FUNCTION stock_movements_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER stock_movements_no_truncate BEFORE TRUNCATE ON stock_movements
      FOR EACH STATEMENT EXECUTE FUNCTION stock_movements_refuse_change()`);
    await queryRunner.query(`
      CREATE VIEW inventory_availability AS
      SELECT variant_id, on_hand, reserved, on_hand - reserved AS available
      FROM stock_levels`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW IF EXISTS inventory_availability`);
    await queryRunner.query(`DROP TABLE IF EXISTS stock_movements`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS stock_movements_refuse_change()`);
    await queryRunner.query(`DROP TABLE IF EXISTS stock_levels`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The address an order's e-mails go to, snapshotted at checkout (API.md: Order.email); orders
 * placed before take their customer's current address.
 */
export class AddOrderEmail1764001620000 implements MigrationInterface {
  name = 'AddOrderEmail1764001620000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE orders ADD COLUMN email text`);
    await queryRunner.query(`UPDATE orders o SET email = u.email FROM users u WHERE u.id = o.customer_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE orders DROP COLUMN email`);
  }
}

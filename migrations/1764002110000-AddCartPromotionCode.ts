import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The promotion code a shopper applied to a cart (at most one; checked again whenever the cart is priced). */
export class AddCartPromotionCode1764002110000 implements MigrationInterface {
  name = 'AddCartPromotionCode1764002110000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE carts ADD COLUMN promotion_code text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE carts DROP COLUMN promotion_code`);
  }
}

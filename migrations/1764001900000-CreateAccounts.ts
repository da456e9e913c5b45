import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity accounts: users gain email_verified; single-use account tokens (password reset and
 * e-mail verification, stored only as SHA-256 hashes); the address book (at most one default
 * address per user, enforced by a partial unique index).
 */
export class CreateAccounts1764001900000 implements MigrationInterface {
  name = 'CreateAccounts1764001900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN email_verified boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        purpose text NOT NULL,
        token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT account_tokens_purpose CHECK (purpose IN ('password_reset', 'email_verification')),
        CONSTRAINT account_tokens_hash_sha256 CHECK (octet_length(token_hash) = 32),
        CONSTRAINT account_tokens_expiry_after_creation CHECK (expires_at > created_at)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX account_tokens_hash_key ON account_tokens (token_hash)`);
    await queryRunner.query(`CREATE INDEX account_tokens_open_by_user_idx ON account_tokens (user_id, purpose) WHERE used_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE addresses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        label varchar(50),
        name varchar(100) NOT NULL,
        line1 varchar(200) NOT NULL,
        line2 varchar(200),
        city varchar(100) NOT NULL,
        region varchar(100),
        postal_code varchar(16) NOT NULL,
        country char(2) NOT NULL,
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX addresses_by_user_idx ON addresses (user_id, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE UNIQUE INDEX addresses_one_default_key ON addresses (user_id) WHERE is_default`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE addresses`);
    await queryRunner.query(`DROP TABLE account_tokens`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN email_verified`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity: refresh tokens, stored only as SHA-256 hashes. Tokens of one sign-in form a family
 * (each refresh rotates to a new member); presenting a used member revokes the family.
 */
export class CreateRefreshTokens1764000110000 implements MigrationInterface {
  name = 'CreateRefreshTokens1764000110000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT refresh_tokens_hash_sha256 CHECK (octet_length(token_hash) = 32),
        CONSTRAINT refresh_tokens_expiry_after_creation CHECK (expires_at > created_at)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash)`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_live_by_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE refresh_tokens`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Identity: user accounts. E-mails are stored trimmed and lower-cased, unique regardless of case. */
export class CreateUsers1764000100000 implements MigrationInterface {
  name = 'CreateUsers1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        name varchar(100) NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL DEFAULT 'customer',
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_normalised CHECK (email = lower(btrim(email)) AND email LIKE '_%@_%'),
        CONSTRAINT users_name_length CHECK (char_length(btrim(name)) BETWEEN 1 AND 100),
        CONSTRAINT users_role_known CHECK (role IN ('customer', 'staff', 'admin')),
        CONSTRAINT users_password_hash_argon2 CHECK (password_hash LIKE '$argon2%')
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`);
    // Prefix search of the admin list (email LIKE 'abc%'); emails are already lower-case.
    await queryRunner.query(`CREATE INDEX users_email_prefix_idx ON users (email text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX users_newest_idx ON users (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX users_role_newest_idx ON users (role, created_at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE users`);
  }
}

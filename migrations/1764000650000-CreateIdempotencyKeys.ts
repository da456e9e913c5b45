import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency-Key records (shared kernel): one per caller and key, claimed before the request
 * runs (`in_flight`) and completed with the response to replay. Rows past `expires_at` are
 * ignored and purged by a job.
 */
export class CreateIdempotencyKeys1764000650000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764000650000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        state text NOT NULL,
        claim_token uuid NOT NULL,
        response_status smallint,
        response_headers jsonb,
        response_body text,
        locked_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (scope, key),
        CONSTRAINT idempotency_keys_state_known CHECK (state IN ('in_flight', 'completed')),
        CONSTRAINT idempotency_keys_key_length CHECK (char_length(key) BETWEEN 8 AND 255),
        CONSTRAINT idempotency_keys_hash_sha256 CHECK (request_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT idempotency_keys_completed_has_response CHECK ((state = 'completed') = (response_status IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
  }
}

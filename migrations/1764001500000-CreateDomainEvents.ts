import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event outbox (shared kernel): every domain event, written in the transaction of the change
 * it describes. Its fan-out job is enqueued in the same transaction (pg-boss, schema `pgboss`,
 * which pg-boss installs itself at start-up).
 */
export class CreateDomainEvents1764001500000 implements MigrationInterface {
  name = 'CreateDomainEvents1764001500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE domain_events (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        CONSTRAINT domain_events_type_format CHECK (type ~ '^[a-z_]+\\.[a-z_]+$')
      )`);
    await queryRunner.query(`CREATE INDEX domain_events_type_time_idx ON domain_events (type, occurred_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE domain_events`);
  }
}

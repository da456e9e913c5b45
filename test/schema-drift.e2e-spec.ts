import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The migrations are the schema; the TypeORM entities only map part of it (constraints, indexes,
 * defaults and SQL-only columns live in the migrations alone). What synchronize would drop is
 * therefore expected; anything it would create or change means an entity and the migrations
 * disagree.
 */
const EXTRA_IN_DATABASE = [
  /^ALTER TABLE "\w+" DROP CONSTRAINT "\w+"$/,
  /^DROP INDEX "public"\."\w+"$/,
  /^ALTER TABLE "\w+" DROP COLUMN "\w+"$/,
  /^ALTER TABLE "\w+" ALTER COLUMN "\w+" DROP DEFAULT$/,
  /^DELETE FROM "typeorm_metadata"/,
];

describe('schema drift', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // TypeORM's own bookkeeping table (for generated columns), which only synchronize creates.
    await t.sql(
      `CREATE TABLE typeorm_metadata (type varchar NOT NULL, database varchar, schema varchar, "table" varchar, name varchar, value text)`,
    );
  });
  afterAll(() => t?.close());

  it('every table and column the entities map exists in the migrated schema as they declare it', async () => {
    const pending = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    const changes = pending.upQueries
      .map((query) => query.query.trim())
      .filter((sql) => !EXTRA_IN_DATABASE.some((extra) => extra.test(sql)));
    expect(changes).toEqual([]);
  });

  it('would catch an entity column the migrations never created', async () => {
    await t.sql('ALTER TABLE categories DROP COLUMN name');
    const pending = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toContainEqual(expect.stringMatching(/ADD "name"/));
  });
});

import { prepared, runPrepared } from '@congocart/shared';
import { DataSource } from 'typeorm';
import { Shop } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Hot statements are named prepared statements: PostgreSQL parses and plans them once per pooled
 * connection. pg_prepared_statements lists a session's own statements only, so the app runs on a
 * pool of one connection here and the test asks through that same connection.
 */
describe('prepared statements', () => {
  let t: TestApp;
  let shop: Shop;
  let dataSource: DataSource;
  const preparedOnTheConnection = async () =>
    (await dataSource.query<{ name: string; statement: string }[]>(`SELECT name, statement FROM pg_prepared_statements`)).filter((row) =>
      row.name.startsWith('cc_'),
    );

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_POOL_SIZE: '1' });
    shop = new Shop(t);
    dataSource = t.app.get(DataSource);
  });
  afterAll(() => t?.close());

  it('prepares a statement once per connection under a name derived from its text, and answers as a plain query would', async () => {
    const statement = prepared('SELECT $1::int + 1 AS next');
    expect(prepared('SELECT $1::int + 1 AS next')).toBe(statement);
    expect(prepared('SELECT $1::int + 2 AS next').name).not.toBe(statement.name);
    const before = await preparedOnTheConnection();
    expect(await runPrepared(dataSource, statement, [41])).toEqual([{ next: 42 }]);
    expect(await runPrepared(dataSource, statement, [1])).toEqual([{ next: 2 }]);
    const after = await preparedOnTheConnection();
    expect(after.filter((row) => row.name === statement.name)).toEqual([{ name: statement.name, statement: statement.text }]);
    expect(after.length).toBe(before.length + 1);
  });

  it('serves the cart read, the add-to-cart statements and the checkout from prepared statements', async () => {
    const customer = shop.customer();
    const variantId = await shop.variant({ stock: 5 });
    await shop.addToCart(customer, variantId, 1);
    expect((await t.http.get('/api/v1/cart', { token: customer.token })).status).toBe(200);
    expect((await shop.checkout(customer)).status).toBe(201);
    const statements = (await preparedOnTheConnection()).map((row) => row.statement);
    for (const fragment of [
      'FROM carts c LEFT JOIN cart_items i', // the cart read
      'INSERT INTO cart_items', // the line upsert
      'WITH RECURSIVE wanted', // catalog's variant lookup
      'FROM inventory_availability', // inventory's availability
      'INSERT INTO idempotency_keys', // checkout's key claim
      'INSERT INTO orders', // the order
    ])
      expect([fragment, statements.some((statement) => statement.includes(fragment))]).toEqual([fragment, true]);
  });
});

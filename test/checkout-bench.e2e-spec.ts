import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { BaselineClient } from '../bench/scenario';
import { prepareCarts, scenarios } from '../bench/scenarios/checkout';
import { tokenFor } from './support/auth';
import { startTestApp, TestApp } from './support/test-app';

/** Keeps the checkout benchmark honest: its API sequence and its bare baseline both place a real order. */
describe('checkout benchmark scenario', () => {
  let t: TestApp;
  let db: Client;

  const settled = async (token: string) => {
    await t.http.settle();
    return token;
  };
  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const context = () => ({
    apiUrl: t.baseUrl,
    sql: (text: string, params?: unknown[]) => t.sql(text, params),
    // The bench sends its own requests: wait until the token's user and session rows exist.
    customerToken: async () => settled(tokenFor(t, 'customer').token),
    adminToken: async () => settled(tokenFor(t, 'admin').token),
  });
  const ordersOf = (customerId: string) =>
    t.sql<{ id: string; total_amount: string; lines: number }>(
      `SELECT o.id, o.total_amount, (SELECT count(*)::int FROM order_lines l WHERE l.order_id = o.id) AS lines FROM orders o WHERE customer_id = $1`,
      [customerId],
    );

  it('places an order through the API sequence and through the baseline statements, twice each', async () => {
    const { api, baseline } = await scenarios[0].sequence!(context(), 2);
    const client: BaselineClient = { query: (text, params) => db.query(text, params as unknown[]) };

    for (let round = 0; round < 2; round += 1) {
      for (const request of api(0)) {
        const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k, v.replace('{{uuid}}', randomUUID())]));
        const response = await fetch(t.baseUrl + request.path, {
          method: request.method,
          headers: { ...headers, 'content-type': 'application/json' },
          body: request.body,
        });
        expect(response.status).toBe(request.path === '/api/v1/checkout' ? 201 : 200);
      }
      for (const step of baseline) {
        if ('run' in step) await step.run(client, 1);
      }
    }

    const apiCustomer = JSON.parse(Buffer.from(String(api(0)[0].headers!.authorization).split('.')[1], 'base64url').toString()).sub;
    const apiOrders = await ordersOf(apiCustomer);
    expect(apiOrders).toHaveLength(2);
    expect(apiOrders.every((order) => order.lines === 2 && Number(order.total_amount) === 2 * 1999 + 499)).toBe(true);
    const [{ customer_id: baselineCustomer }] = await t.sql<{ customer_id: string }>(
      `SELECT customer_id FROM orders WHERE customer_id <> $1 GROUP BY customer_id`,
      [apiCustomer],
    );
    const baselineOrders = await ordersOf(baselineCustomer);
    expect(baselineOrders).toHaveLength(2);
    expect(baselineOrders.every((order) => order.lines === 2 && Number(order.total_amount) === 2 * 1999 + 499)).toBe(true);
  });

  it('prepares carts of two lines for fresh customers', async () => {
    const tokens = await prepareCarts(context(), 2);
    for (const token of tokens) {
      const cart = await t.http.get('/api/v1/cart', { token });
      expect(cart.body.items).toHaveLength(2);
    }
  });
});

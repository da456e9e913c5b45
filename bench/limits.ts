import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { Pool } from 'pg';

/**
 * The two bare limits issue 20's goals are measured against, on the same machine in the same run:
 *
 * - LIMIT-DB: `GET /products?after=<id>` answered with one prepared keyset
 *   `SELECT … WHERE id > $1 ORDER BY id LIMIT 20` over the seeded products and `JSON.stringify`.
 * - LIMIT-WRITE: `POST /checkout` answered with one transaction: `SELECT … FOR UPDATE` of 2 stock
 *   rows in id order, one conditional `UPDATE … SET stock = stock - qty WHERE stock >= qty`,
 *   `INSERT` the order, `INSERT` its 2 lines, `COMMIT`. On tables of its own (limit_*).
 *
 * Node's http server and a pg pool of 10, nothing else: what any framework can at best approach.
 */
const LISTING = `SELECT id, slug, name, price_min, price_max, created_at FROM products WHERE id > $1 ORDER BY id LIMIT 20`;
const LOCK = `SELECT id, stock FROM limit_stock WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`;
const TAKE = `UPDATE limit_stock s SET stock = s.stock - w.qty FROM unnest($1::uuid[], $2::int[]) AS w(id, qty)
  WHERE s.id = w.id AND s.stock >= w.qty`;
const ORDER = `INSERT INTO limit_orders (id, total) VALUES ($1, $2) RETURNING id, total, created_at`;
const LINES = `INSERT INTO limit_order_lines (order_id, product_id, qty) SELECT $1, * FROM unnest($2::uuid[], $3::int[])`;

export const LIMIT_DB_PATH = `/products?after=00000000-0000-0000-0000-000000000000`;
export const LIMIT_WRITE_PATH = '/checkout';

/** Creates the LIMIT-WRITE tables with two well-stocked rows; their ids. */
export async function prepareLimits(pool: Pool): Promise<string[]> {
  await pool.query(`CREATE TABLE IF NOT EXISTS limit_stock (id uuid PRIMARY KEY, stock integer NOT NULL)`);
  await pool.query(
    `CREATE TABLE IF NOT EXISTS limit_orders (id uuid PRIMARY KEY, total bigint NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
  );
  await pool.query(
    `CREATE TABLE IF NOT EXISTS limit_order_lines (order_id uuid NOT NULL REFERENCES limit_orders(id), product_id uuid NOT NULL, qty integer NOT NULL)`,
  );
  const ids = [randomUUID(), randomUUID()].sort();
  await pool.query(`INSERT INTO limit_stock (id, stock) SELECT unnest($1::uuid[]), 1000000000`, [ids]);
  return ids;
}

export function startLimitServer(pool: Pool, stockIds: string[]): Promise<Server> {
  const server = createServer((request, response) => {
    const answer = (body: unknown) => {
      const text = JSON.stringify(body);
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
    };
    const fail = (error: unknown) => response.writeHead(500).end(String(error));
    if (request.method === 'GET' && request.url?.startsWith('/products')) {
      const after = new URL(request.url, 'http://limit').searchParams.get('after');
      pool
        .query({ name: 'limit-db-listing', text: LISTING, values: [after] })
        .then((result) => answer({ data: result.rows }))
        .catch(fail);
      return;
    }
    if (request.method === 'POST' && request.url === LIMIT_WRITE_PATH) {
      request.resume();
      request.on('end', () => void checkout(pool, stockIds).then(answer, fail));
      return;
    }
    response.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function checkout(pool: Pool, ids: string[]): Promise<unknown> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      await client.query({ name: 'limit-write-lock', text: LOCK, values: [ids] });
      const quantities = ids.map(() => 1);
      const taken = await client.query({ name: 'limit-write-take', text: TAKE, values: [ids, quantities] });
      if (taken.rowCount !== ids.length) throw new Error('insufficient stock');
      const order = (await client.query({ name: 'limit-write-order', text: ORDER, values: [randomUUID(), 1999 * ids.length] })).rows[0];
      await client.query({ name: 'limit-write-lines', text: LINES, values: [order.id, ids, quantities] });
      await client.query('COMMIT');
      return order;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    client.release();
  }
}

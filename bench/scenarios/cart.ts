import { randomUUID } from 'node:crypto';
import type { BaselineClient, BaselineStep, BenchContext, BenchRequest, BenchScenario } from '../scenario';

/**
 * Cart scenarios. Each prepares its own well-stocked product over the admin API, so it does not
 * depend on the seed. Adds are measured as a per-connection sequence (each connection its own
 * customer): 20 adds of one unit of 20 different variants, then DELETE /cart, so no line ever
 * reaches the 99-unit limit however long the run.
 */
const VARIANTS = 20;
const STOCK = 1_000_000;

/** What the bare server reads for GET /cart: the same rows the API reads, in one join. */
const READ_CART_SQL = `
  SELECT c.id, c.updated_at, i.id AS item_id, i.variant_id, i.quantity, i.seen_unit_price,
         v.sku, v.name, v.options, v.price_amount, v.price_currency, p.id AS product_id, p.name AS product_name, p.status,
         s.on_hand - s.reserved AS available
  FROM carts c
  LEFT JOIN cart_items i ON i.cart_id = c.id
  LEFT JOIN product_variants v ON v.id = i.variant_id
  LEFT JOIN products p ON p.id = v.product_id
  LEFT JOIN stock_levels s ON s.variant_id = i.variant_id
  WHERE c.customer_id = $1 AND c.status = 'active'
  ORDER BY i.created_at, i.id`;

/** The GET baseline's customer id, filled in when its request is prepared (the runner reads the params after that). */
const readCartParams: unknown[] = [];

export const scenarios: BenchScenario[] = [
  {
    name: 'cart: GET /cart (3 lines)',
    async request(ctx) {
      const variantIds = await stockedVariants(ctx);
      const token = await ctx.customerToken();
      for (const variantId of variantIds.slice(0, 3)) await send(ctx, token, 'POST', '/api/v1/cart/items', { variantId, quantity: 2 });
      readCartParams.push(subjectOf(token));
      return { method: 'GET', path: '/api/v1/cart', headers: { authorization: `Bearer ${token}` } };
    },
    baseline: { sql: READ_CART_SQL, params: readCartParams },
  },
  {
    name: 'cart: POST /cart/items ×20 then DELETE /cart',
    async sequence(ctx, connections) {
      const variantIds = await stockedVariants(ctx);
      const tokens: string[] = [];
      for (let i = 0; i < connections; i += 1) tokens.push(await ctx.customerToken());
      const customers = tokens.map(subjectOf);
      const api = (connection: number): BenchRequest[] => {
        const headers = { authorization: `Bearer ${tokens[connection % tokens.length]}` };
        return [
          ...variantIds.map((variantId) => ({
            method: 'POST' as const,
            path: '/api/v1/cart/items',
            headers,
            body: JSON.stringify({ variantId, quantity: 1 }),
          })),
          { method: 'DELETE' as const, path: '/api/v1/cart', headers },
        ];
      };
      const baseline: BaselineStep[] = [
        ...variantIds.map((variantId) => ({
          run: (client: BaselineClient, connection: number) => addOne(client, customers[connection % customers.length], variantId),
        })),
        { run: (client: BaselineClient, connection: number) => emptyCart(client, customers[connection % customers.length]) },
      ];
      return { api, baseline };
    },
  },
];

let prepared: Promise<string[]> | undefined;
function stockedVariants(ctx: BenchContext): Promise<string[]> {
  prepared ??= (async () => {
    const admin = await ctx.adminToken();
    const tag = randomUUID().slice(0, 8);
    const product = await send(ctx, admin, 'POST', '/api/v1/admin/products', {
      name: `Bench cart ${tag}`,
      status: 'active',
      variants: Array.from({ length: VARIANTS }, (_, i) => ({
        sku: `BENCH-CART-${tag}-${i}`,
        name: `Variant ${i}`,
        options: { n: String(i) },
        price: { amount: 1999, currency: 'USD' },
      })),
    });
    const ids = (product.variants as { id: string }[]).map((variant) => variant.id);
    for (const id of ids)
      await send(ctx, admin, 'POST', `/api/v1/admin/inventory/${id}/adjustments`, { delta: STOCK, reason: 'bench stock' });
    return ids;
  })();
  return prepared;
}

/** What the API does for POST /cart/items, by hand: lock or create the cart, read, check, upsert, in one transaction. */
async function addOne(client: BaselineClient, customerId: string, variantId: string): Promise<unknown> {
  await client.query('BEGIN');
  try {
    const cart = (
      await client.query(
        `INSERT INTO carts (customer_id) VALUES ($1)
         ON CONFLICT (customer_id) WHERE status = 'active' AND customer_id IS NOT NULL DO UPDATE SET updated_at = clock_timestamp()
         RETURNING id, updated_at`,
        [customerId],
      )
    ).rows[0];
    const lines = (
      await client.query('SELECT id, variant_id, quantity, seen_unit_price FROM cart_items WHERE cart_id = $1 ORDER BY created_at, id', [
        cart.id,
      ])
    ).rows;
    const ids = [...new Set([...lines.map((line) => line.variant_id), variantId])];
    const variants = (
      await client.query(
        `SELECT v.id, v.product_id, p.name AS product_name, v.sku, v.name, v.options, v.price_amount, v.price_currency, p.status
         FROM product_variants v JOIN products p ON p.id = v.product_id WHERE v.id = ANY($1::uuid[])`,
        [ids],
      )
    ).rows;
    const stock = (
      await client.query('SELECT variant_id, on_hand - reserved AS available FROM stock_levels WHERE variant_id = ANY($1::uuid[])', [ids])
    ).rows;
    const variant = variants.find((row) => row.id === variantId);
    const available = stock.find((row) => row.variant_id === variantId)?.available ?? 0;
    const current = lines.find((line) => line.variant_id === variantId)?.quantity ?? 0;
    if (!variant || variant.status !== 'active' || current + 1 > Math.min(99, available)) throw new Error('refused');
    const saved = (
      await client.query(
        `INSERT INTO cart_items (cart_id, variant_id, quantity, seen_unit_price, created_at, updated_at)
         VALUES ($1, $2, 1, $3, clock_timestamp(), clock_timestamp())
         ON CONFLICT (cart_id, variant_id) DO UPDATE
           SET quantity = cart_items.quantity + EXCLUDED.quantity, seen_unit_price = EXCLUDED.seen_unit_price, updated_at = clock_timestamp()
         RETURNING id, variant_id, quantity, seen_unit_price`,
        [cart.id, variantId, variant.price_amount],
      )
    ).rows[0];
    await client.query('COMMIT');
    return { cart, lines: [...lines.filter((line) => line.variant_id !== variantId), saved], variants, stock };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

async function emptyCart(client: BaselineClient, customerId: string): Promise<unknown> {
  await client.query('BEGIN');
  try {
    const cart = (
      await client.query(
        `INSERT INTO carts (customer_id) VALUES ($1)
         ON CONFLICT (customer_id) WHERE status = 'active' AND customer_id IS NOT NULL DO UPDATE SET updated_at = clock_timestamp()
         RETURNING id`,
        [customerId],
      )
    ).rows[0];
    await client.query('DELETE FROM cart_items WHERE cart_id = $1', [cart.id]);
    await client.query('COMMIT');
    return null;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

async function send(ctx: BenchContext, token: string, method: string, path: string, body: unknown): Promise<any> {
  const response = await fetch(ctx.apiUrl + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
  return response.json();
}

/** The customer's user id: the `sub` claim of their access token. */
function subjectOf(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub;
}

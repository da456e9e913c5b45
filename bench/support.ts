import type { BaselineClient, BenchContext } from './scenario';

/** Helpers the scenarios share: HTTP set-up calls and the bare baseline's cart writes. */

export async function send(ctx: BenchContext, token: string, method: string, path: string, body: unknown): Promise<any> {
  const response = await fetch(ctx.apiUrl + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
  return response.json();
}

/** The customer's user id: the `sub` claim of their access token. */
export function subjectOf(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub;
}

/** An active product with the given variants (price in USD minor units), each stocked; its variant ids. */
export async function stockedProduct(
  ctx: BenchContext,
  product: { name: string; skuPrefix: string; sizes: string[]; price: number; stock: number },
): Promise<string[]> {
  const admin = await ctx.adminToken();
  const created = await send(ctx, admin, 'POST', '/api/v1/admin/products', {
    name: product.name,
    status: 'active',
    variants: product.sizes.map((size) => ({
      sku: `${product.skuPrefix}-${size}`,
      name: size,
      options: { size },
      price: { amount: product.price, currency: 'USD' },
    })),
  });
  const ids = (created.variants as { id: string }[]).map((variant) => variant.id);
  for (const id of ids)
    await send(ctx, admin, 'POST', `/api/v1/admin/inventory/${id}/adjustments`, { delta: product.stock, reason: 'bench stock' });
  return ids;
}

export async function inTransaction<T>(client: BaselineClient, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

const UPSERT_ACTIVE_CART = `INSERT INTO carts (customer_id) VALUES ($1)
  ON CONFLICT (customer_id) WHERE status = 'active' AND customer_id IS NOT NULL DO UPDATE SET updated_at = clock_timestamp()
  RETURNING id, updated_at`;

/** What the API does for POST /cart/items (one unit), by hand: lock or create the cart, read, check, upsert, in one transaction. */
export function addOneToCart(client: BaselineClient, customerId: string, variantId: string): Promise<unknown> {
  return inTransaction(client, async () => {
    const cart = (await client.query(UPSERT_ACTIVE_CART, [customerId])).rows[0];
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
    return { cart, lines: [...lines.filter((line) => line.variant_id !== variantId), saved], variants, stock };
  });
}

/** DELETE /cart by hand. */
export function emptyCart(client: BaselineClient, customerId: string): Promise<unknown> {
  return inTransaction(client, async () => {
    const cart = (await client.query(UPSERT_ACTIVE_CART, [customerId])).rows[0];
    await client.query('DELETE FROM cart_items WHERE cart_id = $1', [cart.id]);
    return null;
  });
}

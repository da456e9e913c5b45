import { createHash, randomUUID } from 'node:crypto';
import type { BaselineClient, BaselineStep, BenchContext, BenchRequest, BenchScenario } from '../scenario';
import { addOneToCart, inTransaction, send, stockedProduct, subjectOf } from '../support';

/**
 * Checkout under load. A checkout consumes its cart, so each connection repeats: add variant A,
 * add variant B, POST /checkout (a fresh Idempotency-Key per request via `{{uuid}}`). The bare
 * baseline runs the same statements by hand: the two cart adds, then the checkout transaction
 * (`checkoutBaselineSql`) framed by the idempotency claim and completion the API also performs.
 */
const STOCK = 1_000_000;
const PRICE = 1999;
const SHIPPING_FEE = 499;
const ADDRESS = { name: 'Bench Shopper', line1: '1 Load Street', city: 'Springfield', postalCode: '12345', country: 'US' };

/** The statements of one checkout, in order, inside BEGIN … COMMIT. */
export const checkoutBaselineSql: string[] = [
  // 0: lock the customer's active cart ($1 customer id)
  `SELECT id FROM carts WHERE customer_id = $1 AND status = 'active' AND customer_id IS NOT NULL FOR UPDATE`,
  // 1: its lines with current prices, in variant id order ($1 cart id)
  `SELECT i.variant_id, i.quantity, v.product_id, v.sku, v.name, v.options, v.price_amount, v.price_currency, p.name AS product_name, p.status
   FROM cart_items i JOIN product_variants v ON v.id = i.variant_id JOIN products p ON p.id = v.product_id
   WHERE i.cart_id = $1 ORDER BY i.variant_id`,
  // 2: reserve one line conditionally and write its ledger movement ($1 variant, $2 quantity, $3 reference); run per line
  `WITH changed AS (
     UPDATE stock_levels SET reserved = reserved + $2, updated_at = now()
     WHERE variant_id = $1 AND on_hand - reserved >= $2
     RETURNING variant_id, on_hand, reserved
   ), moved AS (
     INSERT INTO stock_movements (variant_id, kind, delta, reserved_delta, reason, reference, actor_id)
     SELECT variant_id, 'reservation', 0, $2, 'reserved for an order', $3, NULL FROM changed
   )
   SELECT variant_id FROM changed`,
  // 3: the order number
  `SELECT 'CC-' || nextval('order_number_seq') AS number`,
  // 4: the order ($1 id, $2 number, $3 customer, $4 subtotal, $5 fee, $6 total, $7 address)
  `INSERT INTO orders (id, number, customer_id, status, currency, subtotal_amount, shipping_fee_amount, total_amount,
                       shipping_address, payment_due_at, version, created_at, updated_at)
   VALUES ($1, $2, $3, 'pending_payment', 'USD', $4, $5, $6, $7, now() + interval '30 minutes', 1, now(), now())`,
  // 5: its line snapshots ($1 order id, $2 JSON array of lines)
  `INSERT INTO order_lines (order_id, position, variant_id, product_id, sku, product_name, variant_name, options,
                            unit_price_amount, quantity, line_total_amount)
   SELECT $1, l.position, l."variantId", l."productId", l.sku, l."productName", l."variantName", l.options, l."unitPrice", l.quantity, l."lineTotal"
   FROM jsonb_to_recordset($2::jsonb) AS l(position smallint, "variantId" uuid, "productId" uuid, sku text, "productName" text,
        "variantName" text, options jsonb, "unitPrice" bigint, quantity integer, "lineTotal" bigint)`,
  // 6: the first history entry ($1 order id, $2 customer id)
  `INSERT INTO order_history (order_id, from_status, to_status, actor, reason, at) VALUES ($1, NULL, 'pending_payment', $2, NULL, now())`,
  // 7: close the cart ($1 cart id)
  `UPDATE carts SET status = 'checked_out', updated_at = clock_timestamp() WHERE id = $1 AND status = 'active'`,
];

/** The Idempotency-Key claim before, and the stored response after, the transaction (autocommit each). */
const IDEMPOTENCY_CLAIM = `INSERT INTO idempotency_keys (scope, key, request_hash, state, claim_token, expires_at)
  VALUES ($1, $2, $3, 'in_flight', $4, now() + interval '24 hours') ON CONFLICT (scope, key) DO NOTHING RETURNING claim_token`;
const IDEMPOTENCY_COMPLETE = `UPDATE idempotency_keys SET state = 'completed', response_status = 201, response_headers = $4, response_body = $5
  WHERE scope = $1 AND key = $2 AND claim_token = $3`;

export const scenarios: BenchScenario[] = [
  {
    name: 'checkout: add 2 lines, POST /checkout',
    async sequence(ctx, connections) {
      const [a, b] = await stockedVariants(ctx);
      const tokens = await Promise.all(Array.from({ length: connections }, () => ctx.customerToken()));
      const customers = tokens.map(subjectOf);
      const api = (connection: number): BenchRequest[] => {
        const headers = { authorization: `Bearer ${tokens[connection % tokens.length]}` };
        return [
          { method: 'POST', path: '/api/v1/cart/items', headers, body: JSON.stringify({ variantId: a, quantity: 1 }) },
          { method: 'POST', path: '/api/v1/cart/items', headers, body: JSON.stringify({ variantId: b, quantity: 1 }) },
          {
            method: 'POST',
            path: '/api/v1/checkout',
            headers: { ...headers, 'idempotency-key': '{{uuid}}' },
            body: JSON.stringify({ shippingAddress: ADDRESS }),
          },
        ];
      };
      const customer = (connection: number) => customers[connection % customers.length];
      const baseline: BaselineStep[] = [
        { run: (client, connection) => addOneToCart(client, customer(connection), a) },
        { run: (client, connection) => addOneToCart(client, customer(connection), b) },
        { run: (client, connection) => checkout(client, customer(connection)) },
      ];
      return { api, baseline };
    },
  },
];

/** `n` customers, each with a fresh cart of two lines (one unit of each bench variant); their bearer tokens. */
export async function prepareCarts(ctx: BenchContext, n: number): Promise<string[]> {
  const [a, b] = await stockedVariants(ctx);
  const tokens: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const token = await ctx.customerToken();
    await send(ctx, token, 'POST', '/api/v1/cart/items', { variantId: a, quantity: 1 });
    await send(ctx, token, 'POST', '/api/v1/cart/items', { variantId: b, quantity: 1 });
    tokens.push(token);
  }
  return tokens;
}

let prepared: Promise<string[]> | undefined;
function stockedVariants(ctx: BenchContext): Promise<string[]> {
  const tag = randomUUID().slice(0, 8);
  prepared ??= stockedProduct(ctx, {
    name: `Bench checkout ${tag}`,
    skuPrefix: `BENCH-CO-${tag}`,
    sizes: ['A', 'B'],
    price: PRICE,
    stock: STOCK,
  });
  return prepared;
}

/** POST /checkout by hand: the idempotency claim, the checkout transaction, the stored response. */
async function checkout(client: BaselineClient, customerId: string): Promise<unknown> {
  const key = randomUUID();
  const claimToken = randomUUID();
  const requestHash = createHash('sha256')
    .update(`POST\n/api/v1/checkout\n${JSON.stringify({ shippingAddress: ADDRESS })}`)
    .digest('hex');
  await client.query(IDEMPOTENCY_CLAIM, [customerId, key, requestHash, claimToken]);
  const order = await inTransaction(client, async () => {
    const [lockCart, readLines, reserve, nextNumber, insertOrder, insertLines, insertHistory, closeCart] = checkoutBaselineSql;
    const cart = (await client.query(lockCart, [customerId])).rows[0];
    if (!cart) throw new Error('no cart');
    const lines = (await client.query(readLines, [cart.id])).rows;
    if (!lines.length || lines.some((line) => line.status !== 'active')) throw new Error('cart not sellable');
    const number = (await client.query(nextNumber)).rows[0].number as string;
    for (const line of lines) {
      if ((await client.query(reserve, [line.variant_id, line.quantity, number])).rowCount !== 1) throw new Error('insufficient stock');
    }
    const snapshot = lines.map((line, position) => ({
      position,
      variantId: line.variant_id,
      productId: line.product_id,
      sku: line.sku,
      productName: line.product_name,
      variantName: line.name,
      options: line.options,
      unitPrice: Number(line.price_amount),
      quantity: line.quantity,
      lineTotal: Number(line.price_amount) * line.quantity,
    }));
    const subtotal = snapshot.reduce((sum, line) => sum + line.lineTotal, 0);
    const id = randomUUID();
    await client.query(insertOrder, [id, number, customerId, subtotal, SHIPPING_FEE, subtotal + SHIPPING_FEE, JSON.stringify(ADDRESS)]);
    await client.query(insertLines, [id, JSON.stringify(snapshot)]);
    await client.query(insertHistory, [id, customerId]);
    await client.query(closeCart, [cart.id]);
    return { id, number, lines: snapshot, subtotal };
  });
  await client.query(IDEMPOTENCY_COMPLETE, [
    customerId,
    key,
    claimToken,
    JSON.stringify({ location: `/api/v1/orders/${order.id}` }),
    JSON.stringify(order),
  ]);
  return order;
}

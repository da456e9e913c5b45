import { randomUUID } from 'node:crypto';
import type { BaselineClient, BaselineStep, BenchContext, BenchRequest, BenchScenario } from '../scenario';
import { addOneToCart, emptyCart, send, stockedProduct, subjectOf } from '../support';

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
          run: (client: BaselineClient, connection: number) => addOneToCart(client, customers[connection % customers.length], variantId),
        })),
        { run: (client: BaselineClient, connection: number) => emptyCart(client, customers[connection % customers.length]) },
      ];
      return { api, baseline };
    },
  },
];

let prepared: Promise<string[]> | undefined;
function stockedVariants(ctx: BenchContext): Promise<string[]> {
  const tag = randomUUID().slice(0, 8);
  const sizes = Array.from({ length: VARIANTS }, (_, i) => String(i));
  prepared ??= stockedProduct(ctx, { name: `Bench cart ${tag}`, skuPrefix: `BENCH-CART-${tag}`, sizes, price: 1999, stock: STOCK });
  return prepared;
}

import { randomUUID } from 'node:crypto';
import { QUERY_BUDGETS } from '../apps/api/src/query-budgets';
import type { HttpResponse } from './support/http-client';
import { checkQueryBudget, QueryBudgetExceededError } from './support/query-budget';
import { ADDRESS, Customer, Shop } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Query budgets (apps/api/src/query-budgets.ts): the statements a request issues do not grow with
 * what it reads or writes. Every request of the suite is held to its budget by the HTTP helper;
 * these tests show the same operation at 1 and at 100 rows or lines costs the same, and that a
 * budget below what a request takes fails the request's test.
 */
const statements = (response: HttpResponse) => Number(response.headers.get('x-query-count'));

describe('query budgets', () => {
  let t: TestApp;
  let shop: Shop;

  beforeAll(async () => {
    // The catalog and pricing caches off: every read goes to the database, the case a budget bounds.
    t = await startTestApp({ CATALOG_CACHE_TTL_MS: '0', PRICING_CACHE_TTL_MS: '0' });
    shop = new Shop(t);
  });
  afterAll(() => t?.close());

  /** A customer whose cart holds one unit of each of `lines` fresh variants. */
  async function cartOf(lines: number): Promise<{ customer: Customer; variants: string[]; last: HttpResponse }> {
    const variants: string[] = [];
    // A product has at most 50 variants.
    for (let start = 0; start < lines; start += 50) variants.push(...(await shop.variants(Math.min(50, lines - start), { stock: 5 })));
    const customer = shop.customer();
    // The cart exists before the first add (created on first use), so every add is an add to an existing cart.
    expect((await t.http.get('/api/v1/cart', { token: customer.token })).status).toBe(200);
    let last: HttpResponse | undefined;
    for (const variantId of variants) {
      last = await t.http.post('/api/v1/cart/items', { variantId, quantity: 1 }, { token: customer.token });
      expect(last.status).toBe(200);
    }
    return { customer, variants, last: last! };
  }

  it('counts the statements of every request (X-Query-Count)', async () => {
    const response = await t.http.get('/api/v1/cart', { token: shop.customer().token });
    expect(response.status).toBe(200);
    expect(statements(response)).toBeGreaterThan(0);
    expect(statements(response)).toBeLessThanOrEqual(QUERY_BUDGETS['GET /api/v1/cart']);
  });

  it('a listing of 100 rows issues as many statements as a listing of 20', async () => {
    const tag = randomUUID().slice(0, 8);
    for (let batch = 0; batch < 10; batch += 1) {
      const created = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          t.http.post(
            '/api/v1/admin/products',
            {
              name: `Budget ${tag} ${batch * 10 + i}`,
              status: 'active',
              variants: [{ sku: `BUD-${tag}-${batch * 10 + i}`, name: 'One', options: {}, price: { amount: 100, currency: 'USD' } }],
            },
            { token: shop.admin },
          ),
        ),
      );
      expect(created.map((response) => response.text).filter((text) => !text.includes('"status":"active"'))).toEqual([]);
    }
    const twenty = await t.http.get('/api/v1/products?limit=20');
    const hundred = await t.http.get('/api/v1/products?limit=100');
    expect([twenty.status, twenty.body.data.length, hundred.status, hundred.body.data.length]).toEqual([200, 20, 200, 100]);
    expect(statements(hundred)).toBe(statements(twenty));

    const detail = await t.http.get(`/api/v1/products/${hundred.body.data[99].slug}`);
    expect(detail.status).toBe(200);
    expect(statements(detail)).toBeLessThanOrEqual(QUERY_BUDGETS['GET /api/v1/products/{idOrSlug}']);
  });

  it('a cart of 100 lines costs what a cart of 1 line costs: read, add, change, remove', async () => {
    const costs = async (lines: number) => {
      const { customer, last } = await cartOf(lines);
      const read = await t.http.get('/api/v1/cart', { token: customer.token });
      expect(read.body.items).toHaveLength(lines);
      const itemId = read.body.items[lines - 1].id;
      const changed = await t.http.patch(`/api/v1/cart/items/${itemId}`, { quantity: 2 }, { token: customer.token });
      const removed = await t.http.delete(`/api/v1/cart/items/${itemId}`, { token: customer.token });
      expect([changed.status, removed.status]).toEqual([200, 200]);
      // Removing a cart's last line is cheaper than removing one of many; both stay within the one budget.
      expect(statements(removed)).toBeLessThanOrEqual(QUERY_BUDGETS['DELETE /api/v1/cart/items/{itemId}']);
      return { add: statements(last), read: statements(read), change: statements(changed) };
    };
    const one = await costs(1);
    const hundred = await costs(100);
    expect(hundred).toEqual(one);
  });

  it('a checkout of 100 lines costs what a checkout of 1 line costs', async () => {
    const checkoutOf = async (lines: number) => {
      const { customer } = await cartOf(lines);
      const placed = await t.http.post(
        '/api/v1/checkout',
        { shippingAddress: ADDRESS },
        { token: customer.token, headers: { 'Idempotency-Key': randomUUID() } },
      );
      expect(placed.status).toBe(201);
      expect(placed.body.lines).toHaveLength(lines);
      return statements(placed);
    };
    const one = await checkoutOf(1);
    expect(await checkoutOf(100)).toBe(one);
  });

  it('fails the request of a test when the request takes more statements than its budget', async () => {
    const customer = shop.customer();
    await t.http.get('/api/v1/cart', { token: customer.token }); // creates the cart: later reads cost the same
    const within = await t.http.get('/api/v1/cart', { token: customer.token });
    const taken = statements(within);
    expect(() => checkQueryBudget('GET', '/api/v1/cart', within.headers, { ...QUERY_BUDGETS, 'GET /api/v1/cart': taken - 1 })).toThrow(
      QueryBudgetExceededError,
    );

    const budget = QUERY_BUDGETS['GET /api/v1/cart'];
    QUERY_BUDGETS['GET /api/v1/cart'] = taken - 1;
    try {
      await expect(t.http.get('/api/v1/cart', { token: customer.token })).rejects.toThrow(
        `GET /api/v1/cart issued ${taken} SQL statements; the budget of GET /api/v1/cart is ${taken - 1}`,
      );
    } finally {
      QUERY_BUDGETS['GET /api/v1/cart'] = budget;
    }
  });
});

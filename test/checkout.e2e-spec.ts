import { randomUUID } from 'node:crypto';
import { IdempotencyPurgeTask } from '@congocart/shared';
import { ADDRESS, expectProblem, Shop } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';

describe('checkout', () => {
  let t: TestApp;
  let shop: Shop;

  beforeAll(async () => {
    t = await startTestApp({ SHIPPING_FEE_MINOR: '499' });
    shop = new Shop(t);
  });
  afterAll(() => t?.close());

  it('turns the cart into a pending order, reserves its stock and empties the cart', async () => {
    const [a, b] = await shop.variants(2, { price: 1250, stock: 10 });
    const customer = shop.customer();
    await shop.addToCart(customer, a, 2);
    await shop.addToCart(customer, b, 1);

    const response = await shop.checkout(customer);

    expect(response.status).toBe(201);
    const order = response.body;
    expect(response.headers.get('location')).toBe(`/api/v1/orders/${order.id}`);
    expect(order).toMatchObject({
      number: expect.stringMatching(/^CC-\d{5,}$/),
      status: 'pending_payment',
      customerId: customer.userId,
      subtotal: { amount: 3750, currency: 'USD' },
      shippingFee: { amount: 499, currency: 'USD' },
      total: { amount: 4249, currency: 'USD' },
      shippingAddress: ADDRESS,
      payments: [],
      version: 1,
    });
    expect(order.lines).toHaveLength(2);
    expect(order.lines.find((line: any) => line.variantId === a)).toMatchObject({
      sku: expect.stringMatching(/^ORD-/),
      name: expect.stringMatching(/^Order test/),
      variantName: 'Size 0',
      options: { size: '0' },
      unitPrice: { amount: 1250, currency: 'USD' },
      quantity: 2,
      lineTotal: { amount: 2500, currency: 'USD' },
    });
    expect(order.history).toEqual([{ from: null, to: 'pending_payment', at: order.createdAt, actor: customer.userId, reason: null }]);
    expect(Date.parse(order.paymentDueAt) - Date.parse(order.createdAt)).toBe(1800 * 1000);

    expect(await shop.stock(a)).toEqual({ onHand: 10, reserved: 2, available: 8 });
    expect(await shop.stock(b)).toEqual({ onHand: 10, reserved: 1, available: 9 });
    const cart = await t.http.get('/api/v1/cart', { token: customer.token });
    expect(cart.body.items).toEqual([]);
    const fetched = await t.http.get(`/api/v1/orders/${order.id}`, { token: customer.token });
    expect(fetched.body).toEqual(order);
  });

  it('snapshots the price: a later catalog price change does not alter the order', async () => {
    const variantId = await shop.variant({ price: 1000 });
    const customer = shop.customer();
    await shop.addToCart(customer, variantId, 1);
    const placed = await shop.checkout(customer);
    expect(placed.status).toBe(201);
    expect(
      (await t.http.patch(`/api/v1/admin/variants/${variantId}`, { price: { amount: 5000, currency: 'USD' } }, { token: shop.admin }))
        .status,
    ).toBe(200);
    const order = await t.http.get(`/api/v1/orders/${placed.body.id}`, { token: customer.token });
    expect(order.body.lines[0].unitPrice.amount).toBe(1000);
  });

  it('refuses an empty cart with 422 CART_EMPTY', async () => {
    expectProblem(await shop.checkout(shop.customer()), 422, 'CART_EMPTY');
  });

  it('refuses a cart holding a variant that is no longer sellable (409 VARIANT_UNAVAILABLE) and reserves nothing', async () => {
    const [sellable] = await shop.variants(1);
    const [archived] = await shop.variants(1);
    const customer = shop.customer();
    await shop.addToCart(customer, sellable, 1);
    await shop.addToCart(customer, archived, 1);
    const product = await t.sql<{ product_id: string }>('SELECT product_id FROM product_variants WHERE id = $1', [archived]);
    expect((await t.http.delete(`/api/v1/admin/products/${product[0].product_id}`, { token: shop.admin })).status).toBe(204);

    const response = await shop.checkout(customer);

    expectProblem(response, 409, 'VARIANT_UNAVAILABLE');
    expect(response.body.variantIds).toEqual([archived]);
    expect((await shop.stock(sellable)).reserved).toBe(0);
  });

  it('refuses when any line is short (409 INSUFFICIENT_STOCK with sku) and reserves nothing at all', async () => {
    const [plenty, scarce] = await shop.variants(2, { stock: 5 });
    const customer = shop.customer();
    await shop.addToCart(customer, plenty, 2);
    await shop.addToCart(customer, scarce, 4);
    await shop.adjust(scarce, -3); // only 2 left now

    const response = await shop.checkout(customer);

    expectProblem(response, 409, 'INSUFFICIENT_STOCK');
    expect(response.body.lines).toEqual([{ variantId: scarce, sku: expect.stringMatching(/^ORD-.*-1$/), requested: 4, available: 2 }]);
    expect((await shop.stock(plenty)).reserved).toBe(0);
    expect((await shop.stock(scarce)).reserved).toBe(0);
    const cart = await t.http.get('/api/v1/cart', { token: customer.token });
    expect(cart.body.items).toHaveLength(2);
    expect(await t.sql('SELECT 1 FROM orders WHERE customer_id = $1', [customer.userId])).toHaveLength(0);
  });

  it('validates the shipping address strictly (400 naming each field)', async () => {
    const variantId = await shop.variant();
    const customer = shop.customer();
    await shop.addToCart(customer, variantId, 1);
    const cases: [unknown, string][] = [
      [{ shippingAddress: { ...ADDRESS, country: 'XX' } }, 'shippingAddress.country'],
      [{ shippingAddress: { ...ADDRESS, country: 'gb' } }, 'shippingAddress.country'],
      [{ shippingAddress: { ...ADDRESS, city: '   ' } }, 'shippingAddress.city'],
      [{ shippingAddress: { ...ADDRESS, line1: 'x'.repeat(201) } }, 'shippingAddress.line1'],
      [{ shippingAddress: { ...ADDRESS, postalCode: '<script>' } }, 'shippingAddress.postalCode'],
      [{ shippingAddress: { ...ADDRESS, phone: '123' } }, 'shippingAddress.phone'],
      [{ shippingAddress: { name: 'A', line1: 'B', city: 'C', country: 'US' } }, 'shippingAddress.postalCode'],
      [{}, 'shippingAddress'],
    ];
    for (const [body, field] of cases) {
      const response = await shop.checkout(customer, randomUUID(), body);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await shop.stock(variantId)).reserved).toBe(0);
  });

  it('sells the last 5 units to exactly 5 of 40 customers checking out at once', async () => {
    const variantId = await shop.variant({ stock: 5 });
    const customers = Array.from({ length: 40 }, () => shop.customer());
    for (const customer of customers) await shop.addToCart(customer, variantId, 1);

    const responses = await Promise.all(customers.map((customer) => shop.checkout(customer)));

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(35);
    for (const refused of responses.filter((r) => r.status === 409)) {
      expectProblem(refused, 409, 'INSUFFICIENT_STOCK');
      expect(refused.body.lines).toEqual([{ variantId, sku: expect.any(String), requested: 1, available: 0 }]);
    }
    expect(await shop.stock(variantId)).toEqual({ onHand: 5, reserved: 5, available: 0 });
    const [{ count }] = await t.sql<{ count: string }>(`SELECT count(*) FROM order_lines WHERE variant_id = $1`, [variantId]);
    expect(Number(count)).toBe(5);
  });
});

describe('checkout Idempotency-Key', () => {
  let t: TestApp;
  let shop: Shop;

  beforeAll(async () => {
    t = await startTestApp();
    shop = new Shop(t);
  });
  afterAll(() => t?.close());

  async function customerWithCart() {
    const variantId = await shop.variant({ stock: 50 });
    const customer = shop.customer();
    await shop.addToCart(customer, variantId, 1);
    return { customer, variantId };
  }

  it('requires the header: missing or malformed → 400 and nothing happens', async () => {
    const { customer, variantId } = await customerWithCart();
    const missing = await t.http.post('/api/v1/checkout', { shippingAddress: ADDRESS }, { token: customer.token });
    expectProblem(missing, 400, 'VALIDATION_FAILED');
    expect(missing.body.errors[0].field).toBe('Idempotency-Key');
    expectProblem(await shop.checkout(customer, 'short'), 400, 'VALIDATION_FAILED');
    expectProblem(await shop.checkout(customer, 'k'.repeat(256)), 400, 'VALIDATION_FAILED');
    expect((await shop.stock(variantId)).reserved).toBe(0);
  });

  it('replays the stored response to a retry with the same key and body', async () => {
    const { customer, variantId } = await customerWithCart();
    const key = randomUUID();
    const first = await shop.checkout(customer, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const again = await shop.checkout(customer, key, { shippingAddress: { ...ADDRESS } });

    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    expect(again.body).toEqual(first.body);
    expect((await shop.stock(variantId)).reserved).toBe(1);
    expect(await t.sql('SELECT 1 FROM orders WHERE customer_id = $1', [customer.userId])).toHaveLength(1);
  });

  it('refuses the same key with a different body (422 IDEMPOTENCY_KEY_REUSED)', async () => {
    const { customer } = await customerWithCart();
    const key = randomUUID();
    expect((await shop.checkout(customer, key)).status).toBe(201);
    const other = await shop.checkout(customer, key, { shippingAddress: { ...ADDRESS, city: 'Paris', country: 'FR' } });
    expectProblem(other, 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('replays a stored 4xx problem too', async () => {
    const customer = shop.customer();
    const key = randomUUID();
    const first = await shop.checkout(customer, key);
    expectProblem(first, 422, 'CART_EMPTY');
    const variantId = await shop.variant();
    await shop.addToCart(customer, variantId, 1);
    const again = await shop.checkout(customer, key);
    expectProblem(again, 422, 'CART_EMPTY');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('does not store a 400 for an invalid body: the fixed request may reuse the key', async () => {
    const { customer } = await customerWithCart();
    const key = randomUUID();
    expectProblem(await shop.checkout(customer, key, { shippingAddress: { ...ADDRESS, country: 'XX' } }), 400, 'VALIDATION_FAILED');
    const fixed = await shop.checkout(customer, key);
    expect(fixed.status).toBe(201);
  });

  it('scopes keys to the caller: another customer may use the same key', async () => {
    const key = randomUUID();
    const one = await customerWithCart();
    const two = await customerWithCart();
    const first = await shop.checkout(one.customer, key);
    const second = await shop.checkout(two.customer, key);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
  });

  it('creates exactly one order when one key is fired 10 times at once', async () => {
    const { customer, variantId } = await customerWithCart();
    const key = randomUUID();

    const responses = await Promise.all(Array.from({ length: 10 }, () => shop.checkout(customer, key)));

    const created = responses.filter((r) => r.status === 201);
    const inUse = responses.filter((r) => r.status === 409);
    expect(created.length + inUse.length).toBe(10);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(created.filter((r) => r.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);
    for (const response of inUse) expectProblem(response, 409, 'IDEMPOTENCY_KEY_IN_USE');
    expect(await t.sql('SELECT 1 FROM orders WHERE customer_id = $1', [customer.userId])).toHaveLength(1);
    expect((await shop.stock(variantId)).reserved).toBe(1);
  });

  it('ignores an expired key: the request runs afresh', async () => {
    const { customer } = await customerWithCart();
    const key = randomUUID();
    expect((await shop.checkout(customer, key)).status).toBe(201);
    await t.sql(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`, [key]);
    const again = await shop.checkout(customer, key);
    expectProblem(again, 422, 'CART_EMPTY');
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });

  it('purges expired keys and keeps live ones', async () => {
    const { customer } = await customerWithCart();
    const live = randomUUID();
    const expired = randomUUID();
    expect((await shop.checkout(customer, live)).status).toBe(201);
    expectProblem(await shop.checkout(customer, expired), 422, 'CART_EMPTY');
    await t.sql(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`, [expired]);

    expect(await t.app.get(IdempotencyPurgeTask).run()).toBeGreaterThanOrEqual(1);

    const keys = await t.sql<{ key: string }>(`SELECT key FROM idempotency_keys WHERE key = ANY($1)`, [[live, expired]]);
    expect(keys.map((row) => row.key)).toEqual([live]);
  });
});

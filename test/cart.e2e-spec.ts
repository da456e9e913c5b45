import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CheckoutCart } from '@congocart/cart';
import { tokenFor } from './support/auth';
import type { HttpResponse } from './support/http-client';
import { startTestApp, TestApp } from './support/test-app';

describe('cart (customer)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = tokenFor(t, 'admin').token;
  });
  afterAll(() => t?.close());

  const customer = () => tokenFor(t, 'customer');

  const productOfVariant = new Map<string, string>();

  /** Creates products over the admin API; each variant gets `stock` units on hand. */
  async function variants(count: number, { price = 1000, stock = 100, status = 'active' } = {}): Promise<string[]> {
    const ids: string[] = [];
    for (let offset = 0; offset < count; offset += 50) {
      const tag = randomUUID().slice(0, 8);
      const body = Array.from({ length: Math.min(50, count - offset) }, (_, i) => ({
        sku: `CART-${tag}-${i}`,
        name: `Size ${i}`,
        options: { size: String(i) },
        price: { amount: price, currency: 'USD' },
      }));
      const created = await t.http.post('/api/v1/admin/products', { name: `Cart test ${tag}`, status, variants: body }, { token: admin });
      expect(created.status).toBe(201);
      for (const { id } of created.body.variants as { id: string }[]) {
        ids.push(id);
        productOfVariant.set(id, created.body.id);
      }
    }
    if (stock > 0) {
      for (const id of ids) {
        const adjusted = await t.http.post(
          `/api/v1/admin/inventory/${id}/adjustments`,
          { delta: stock, reason: 'cart test stock' },
          { token: admin },
        );
        expect(adjusted.status).toBe(200);
      }
    }
    return ids;
  }
  const variant = async (options: { price?: number; stock?: number; status?: string } = {}) => (await variants(1, options))[0];
  const productOf = (variantId: string) => productOfVariant.get(variantId)!;

  const add = (token: string, variantId: string, quantity: number) => t.http.post('/api/v1/cart/items', { variantId, quantity }, { token });

  function expectProblem(response: HttpResponse, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe(code);
  }

  describe('reading and changing the cart', () => {
    it('creates an empty cart on first use', async () => {
      const { token } = customer();
      const response = await t.http.get('/api/v1/cart', { token });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: expect.any(String),
        items: [],
        itemCount: 0,
        subtotal: { amount: 0, currency: 'USD' },
        promotionCode: null,
        promotionCodeInvalid: null,
        discounts: [],
        discountTotal: { amount: 0, currency: 'USD' },
        currency: 'USD',
        shippingCountry: null,
        shippingRegion: null,
        estimate: null,
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
      expect((await t.http.get('/api/v1/cart', { token })).body.id).toBe(response.body.id);
    });

    it('adds a variant, then adds more of it to the same line, priced by the server', async () => {
      const { token } = customer();
      const id = await variant({ price: 1250, stock: 10 });
      const first = await add(token, id, 2);
      expect(first.status).toBe(200);
      const second = await add(token, id, 3);
      expect(second.status).toBe(200);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.items[0]).toEqual({
        id: first.body.items[0].id,
        variantId: id,
        productId: productOf(id),
        productName: expect.stringMatching(/^Cart test /),
        sku: expect.stringMatching(/^CART-/),
        name: 'Size 0',
        options: { size: '0' },
        quantity: 5,
        unitPrice: { amount: 1250, currency: 'USD' },
        lineTotal: { amount: 6250, currency: 'USD' },
        discountAmount: { amount: 0, currency: 'USD' },
        available: 10,
        priceChanged: false,
        purchasable: true,
      });
      expect(second.body).toMatchObject({ itemCount: 5, subtotal: { amount: 6250, currency: 'USD' }, currency: 'USD' });
    });

    it('ignores any price a client sends: the body is refused', async () => {
      const { token } = customer();
      const id = await variant();
      const response = await t.http.post(
        '/api/v1/cart/items',
        { variantId: id, quantity: 1, unitPrice: { amount: 1, currency: 'USD' } },
        { token },
      );
      expectProblem(response, 400, 'VALIDATION_FAILED');
    });

    it('totals several lines: itemCount is the sum of quantities', async () => {
      const { token } = customer();
      const [a, b] = await variants(2, { price: 300 });
      await add(token, a, 2);
      const response = await add(token, b, 4);
      expect(response.body.items.map((item: { variantId: string }) => item.variantId)).toEqual([a, b]);
      expect(response.body).toMatchObject({ itemCount: 6, subtotal: { amount: 1800, currency: 'USD' } });
    });

    it('sets a line quantity with PATCH and removes a line with DELETE', async () => {
      const { token } = customer();
      const [a, b] = await variants(2, { stock: 20 });
      await add(token, a, 1);
      const cart = await add(token, b, 1);
      const [lineA, lineB] = cart.body.items;

      const patched = await t.http.patch(`/api/v1/cart/items/${lineA.id}`, { quantity: 7 }, { token });
      expect(patched.status).toBe(200);
      expect(patched.body.items[0]).toMatchObject({ id: lineA.id, quantity: 7 });
      expect(patched.body.itemCount).toBe(8);

      const removed = await t.http.delete(`/api/v1/cart/items/${lineB.id}`, { token });
      expect(removed.status).toBe(200);
      expect(removed.body.items.map((item: { id: string }) => item.id)).toEqual([lineA.id]);
      expectProblem(await t.http.delete(`/api/v1/cart/items/${lineB.id}`, { token }), 404, 'NOT_FOUND');
    });

    it('empties the cart with DELETE /cart (204) and keeps the same cart', async () => {
      const { token } = customer();
      const id = await variant();
      const cart = await add(token, id, 2);
      const emptied = await t.http.delete('/api/v1/cart', { token });
      expect(emptied.status).toBe(204);
      expect(emptied.text).toBe('');
      const after = await t.http.get('/api/v1/cart', { token });
      expect(after.body).toMatchObject({ id: cart.body.id, items: [], itemCount: 0 });
    });
  });

  describe('prices and availability come from catalog and inventory at request time', () => {
    it('shows a new price on an existing line with priceChanged, until the line is changed', async () => {
      const { token } = customer();
      const id = await variant({ price: 1000 });
      const cart = await add(token, id, 2);
      const repriced = await t.http.patch(`/api/v1/admin/variants/${id}`, { price: { amount: 1500, currency: 'USD' } }, { token: admin });
      expect(repriced.body).toMatchObject({ price: { amount: 1500 } });
      expect(repriced.status).toBe(200);

      const read = await t.http.get('/api/v1/cart', { token });
      expect(read.body.items[0]).toMatchObject({
        unitPrice: { amount: 1500, currency: 'USD' },
        lineTotal: { amount: 3000 },
        priceChanged: true,
      });
      expect(read.body.subtotal).toEqual({ amount: 3000, currency: 'USD' });

      const changed = await t.http.patch(`/api/v1/cart/items/${cart.body.items[0].id}`, { quantity: 3 }, { token });
      expect(changed.body.items[0]).toMatchObject({ unitPrice: { amount: 1500 }, priceChanged: false });
    });

    it('shows current availability without reserving anything', async () => {
      const { token } = customer();
      const id = await variant({ stock: 6 });
      await add(token, id, 4);
      const other = customer();
      const response = await add(other.token, id, 6);
      expect(response.status).toBe(200);
      expect(response.body.items[0].available).toBe(6);
      await t.http.post(`/api/v1/admin/inventory/${id}/adjustments`, { delta: -2, reason: 'damaged' }, { token: admin });
      expect((await t.http.get('/api/v1/cart', { token })).body.items[0].available).toBe(4);
    });
  });

  describe('rules', () => {
    it('answers 404 VARIANT_NOT_FOUND for an unknown variant', async () => {
      const { token } = customer();
      expectProblem(await add(token, randomUUID(), 1), 404, 'VARIANT_NOT_FOUND');
    });

    it('refuses a draft or archived variant with 409 VARIANT_UNAVAILABLE', async () => {
      const { token } = customer();
      const draft = await variant({ status: 'draft' });
      expectProblem(await add(token, draft, 1), 409, 'VARIANT_UNAVAILABLE');

      const id = await variant();
      await add(token, id, 1);
      const archived = await t.http.patch(`/api/v1/admin/products/${productOf(id)}`, { status: 'archived' }, { token: admin });
      expect(archived.status).toBe(200);
      expectProblem(await add(token, id, 1), 409, 'VARIANT_UNAVAILABLE');
      const read = await t.http.get('/api/v1/cart', { token });
      expect(read.body.items.find((item: { variantId: string }) => item.variantId === id)).toMatchObject({ purchasable: false });
      expectProblem(
        await t.http.patch(`/api/v1/cart/items/${read.body.items[0].id}`, { quantity: 1 }, { token }),
        409,
        'VARIANT_UNAVAILABLE',
      );
    });

    it('refuses a line beyond what is available with 409 INSUFFICIENT_STOCK and the available count', async () => {
      const { token } = customer();
      const id = await variant({ stock: 5 });
      const tooMany = await add(token, id, 6);
      expectProblem(tooMany, 409, 'INSUFFICIENT_STOCK');
      expect(tooMany.body.available).toBe(5);

      const cart = await add(token, id, 3);
      const beyond = await add(token, id, 3);
      expectProblem(beyond, 409, 'INSUFFICIENT_STOCK');
      expect(beyond.body).toMatchObject({ available: 5, requested: 6, variantId: id });

      const patched = await t.http.patch(`/api/v1/cart/items/${cart.body.items[0].id}`, { quantity: 6 }, { token });
      expectProblem(patched, 409, 'INSUFFICIENT_STOCK');
      expect(patched.body.available).toBe(5);
      expect((await t.http.get('/api/v1/cart', { token })).body.items[0].quantity).toBe(3);
    });

    it('refuses a 101st line with 409 CART_FULL but still adds to existing lines', async () => {
      const { token } = customer();
      const ids = await variants(101, { stock: 5 });
      for (const id of ids.slice(0, 100)) expect((await add(token, id, 1)).status).toBe(200);
      const full = await add(token, ids[100], 1);
      expectProblem(full, 409, 'CART_FULL');
      const more = await add(token, ids[0], 1);
      expect(more.status).toBe(200);
      expect(more.body.items).toHaveLength(100);
      expect(more.body.itemCount).toBe(101);
    });

    it.each([
      ['quantity 0', { quantity: 0 }],
      ['quantity 100', { quantity: 100 }],
      ['quantity "2"', { quantity: '2' }],
      ['quantity 1.5', { quantity: 1.5 }],
      ['a missing quantity', {}],
      ['an unknown field', { quantity: 1, gift: true }],
      ['a malformed variantId', { quantity: 1, variantId: 'not-a-uuid' }],
    ])('refuses %s on POST /cart/items with 400', async (_label, overrides) => {
      const { token } = customer();
      const id = await variant();
      const response = await t.http.post('/api/v1/cart/items', { variantId: id, ...overrides }, { token });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors.length).toBeGreaterThan(0);
    });

    it.each([[0], [100], ['2'], [1.5]])('refuses quantity %p on PATCH /cart/items/{id} with 400', async (quantity) => {
      const { token } = customer();
      const cart = await add(token, await variant(), 1);
      expectProblem(await t.http.patch(`/api/v1/cart/items/${cart.body.items[0].id}`, { quantity }, { token }), 400, 'VALIDATION_FAILED');
    });

    it('refuses a resulting line over 99 units with 400 even when stock allows it', async () => {
      const { token } = customer();
      const id = await variant({ stock: 500 });
      expect((await add(token, id, 60)).status).toBe(200);
      const response = await add(token, id, 40);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors[0].field).toBe('quantity');
      expect((await t.http.get('/api/v1/cart', { token })).body.items[0].quantity).toBe(60);
    });

    it('answers 404 for a line id from another customer’s cart and leaves that line alone', async () => {
      const owner = customer();
      const intruder = customer();
      const cart = await add(owner.token, await variant(), 2);
      const itemId = cart.body.items[0].id;
      await add(intruder.token, await variant(), 1);
      expectProblem(await t.http.patch(`/api/v1/cart/items/${itemId}`, { quantity: 1 }, { token: intruder.token }), 404, 'NOT_FOUND');
      expectProblem(await t.http.delete(`/api/v1/cart/items/${itemId}`, { token: intruder.token }), 404, 'NOT_FOUND');
      expectProblem(await t.http.delete(`/api/v1/cart/items/${randomUUID()}`, { token: owner.token }), 404, 'NOT_FOUND');
      expectProblem(await t.http.patch('/api/v1/cart/items/not-a-uuid', { quantity: 1 }, { token: owner.token }), 404, 'NOT_FOUND');
      expect((await t.http.get('/api/v1/cart', { token: owner.token })).body.items[0]).toMatchObject({ id: itemId, quantity: 2 });
    });
  });

  describe('access', () => {
    it.each(['staff', 'admin'] as const)('refuses %s with 403', async (role) => {
      const { token } = tokenFor(t, role);
      expectProblem(await t.http.get('/api/v1/cart', { token }), 403, 'FORBIDDEN');
      expectProblem(await t.http.post('/api/v1/cart/items', { variantId: randomUUID(), quantity: 1 }, { token }), 403, 'FORBIDDEN');
      expectProblem(await t.http.post('/api/v1/cart/merge', { cartId: randomUUID(), token: 'x' }, { token }), 403, 'FORBIDDEN');
    });

    it('refuses anonymous callers with 401', async () => {
      expectProblem(await t.http.get('/api/v1/cart'), 401, 'UNAUTHORIZED');
      expectProblem(await t.http.post('/api/v1/cart/items', { variantId: randomUUID(), quantity: 1 }), 401, 'UNAUTHORIZED');
      expectProblem(await t.http.delete('/api/v1/cart'), 401, 'UNAUTHORIZED');
    });
  });

  describe('concurrency', () => {
    it('loses no update: 20 parallel additions of 1 end at quantity 20', async () => {
      const { token } = customer();
      const id = await variant({ stock: 50 });
      await t.http.get('/api/v1/cart', { token });
      const responses = await Promise.all(Array.from({ length: 20 }, () => add(token, id, 1)));
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
      const cart = await t.http.get('/api/v1/cart', { token });
      expect(cart.body.items).toHaveLength(1);
      expect(cart.body.items[0].quantity).toBe(20);
    });

    it('creates exactly one cart for 20 parallel first requests', async () => {
      const reader = customer();
      const reads = await Promise.all(Array.from({ length: 20 }, () => t.http.get('/api/v1/cart', { token: reader.token })));
      expect(reads.map((response) => response.status)).toEqual(Array(20).fill(200));
      expect(new Set(reads.map((response) => response.body.id)).size).toBe(1);

      const writer = customer();
      const id = await variant({ stock: 50 });
      const writes = await Promise.all(Array.from({ length: 20 }, () => add(writer.token, id, 1)));
      expect(writes.map((response) => response.status)).toEqual(Array(20).fill(200));
      expect(new Set(writes.map((response) => response.body.id)).size).toBe(1);

      const rows = await t.sql<{ count: string }>('SELECT count(*) FROM carts WHERE customer_id = ANY($1)', [
        [reader.userId, writer.userId],
      ]);
      expect(Number(rows[0].count)).toBe(2);
    });

    it('never lets parallel additions push a line beyond what is available', async () => {
      const { token } = customer();
      const id = await variant({ stock: 7 });
      const responses = await Promise.all(Array.from({ length: 12 }, () => add(token, id, 1)));
      expect(responses.filter((response) => response.status === 200)).toHaveLength(7);
      expect(responses.filter((response) => response.status === 409)).toHaveLength(5);
      expect((await t.http.get('/api/v1/cart', { token })).body.items[0].quantity).toBe(7);
    });
  });

  describe('reads stay cheap', () => {
    it('reads a 30-line cart with the same number of queries as a 1-line cart', async () => {
      const small = customer();
      const large = customer();
      const ids = await variants(30);
      await add(small.token, ids[0], 1);
      for (const id of ids) await add(large.token, id, 1);

      const queryRunner = t.app.get(DataSource).createQueryRunner();
      const spy = jest.spyOn(Object.getPrototypeOf(queryRunner), 'query');
      await queryRunner.release();
      try {
        const countFor = async (token: string) => {
          spy.mockClear();
          const response = await t.http.get('/api/v1/cart', { token });
          expect(response.status).toBe(200);
          return { calls: spy.mock.calls.length, lines: response.body.items.length };
        };
        const one = await countFor(small.token);
        const thirty = await countFor(large.token);
        expect(one.lines).toBe(1);
        expect(thirty.lines).toBe(30);
        expect(thirty.calls).toBe(one.calls);
        // the cart with its lines, one catalog lookup, one stock lookup (a little slack for how those contexts query)
        expect(thirty.calls).toBeLessThanOrEqual(6);
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('checkout port', () => {
    it('locks the active cart for checkout, and after close the next GET /cart is a fresh cart', async () => {
      const { token, userId } = customer();
      const [a, b] = await variants(2);
      await add(token, b, 2);
      const cart = await add(token, a, 1);
      const checkoutCart = t.app.get(CheckoutCart, { strict: false });

      const locked = await checkoutCart.lockActiveCart(userId);
      expect(locked).toEqual({
        cartId: cart.body.id,
        lines: [
          { variantId: a, quantity: 1 },
          { variantId: b, quantity: 2 },
        ].sort((x, y) => (x.variantId < y.variantId ? -1 : 1)),
        promotionCode: null,
      });
      expect(await checkoutCart.lockActiveCart(randomUUID())).toBeNull();

      await checkoutCart.close(cart.body.id);
      const fresh = await t.http.get('/api/v1/cart', { token });
      expect(fresh.body.id).not.toBe(cart.body.id);
      expect(fresh.body.items).toEqual([]);
      const stored = await t.sql<{ status: string }>('SELECT status FROM carts WHERE id = $1', [cart.body.id]);
      expect(stored[0].status).toBe('checked_out');
    });
  });
});

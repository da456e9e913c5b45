import { createHash, randomUUID } from 'node:crypto';
import { ExpireGuestCarts } from '@congocart/cart';
import { tokenFor } from './support/auth';
import type { HttpResponse } from './support/http-client';
import { startTestApp, TestApp } from './support/test-app';

describe('guest carts and merging', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = tokenFor(t, 'admin').token;
  });
  afterAll(() => t?.close());

  /** One active product per call; each variant gets its own stock. */
  async function variants(stocks: number[], price = 1000): Promise<string[]> {
    const tag = randomUUID().slice(0, 8);
    const created = await t.http.post(
      '/api/v1/admin/products',
      {
        name: `Guest cart test ${tag}`,
        status: 'active',
        variants: stocks.map((_, i) => ({
          sku: `GUEST-${tag}-${i}`,
          name: `Colour ${i}`,
          options: { colour: String(i) },
          price: { amount: price, currency: 'USD' },
        })),
      },
      { token: admin },
    );
    expect(created.status).toBe(201);
    const ids = created.body.variants.map((variant: { id: string }) => variant.id) as string[];
    for (const [i, id] of ids.entries()) {
      if (stocks[i] === 0) continue;
      const adjusted = await t.http.post(
        `/api/v1/admin/inventory/${id}/adjustments`,
        { delta: stocks[i], reason: 'guest test stock' },
        { token: admin },
      );
      expect(adjusted.status).toBe(200);
    }
    return ids;
  }

  async function guestCart(): Promise<{ id: string; token: string }> {
    const created = await t.http.post('/api/v1/carts');
    expect(created.status).toBe(201);
    return created.body;
  }
  const withToken = (token: string) => ({ headers: { 'x-cart-token': token } });
  const addToGuest = (cart: { id: string; token: string }, variantId: string, quantity: number) =>
    t.http.post(`/api/v1/carts/${cart.id}/items`, { variantId, quantity }, withToken(cart.token));

  function expectProblem(response: HttpResponse, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe(code);
  }

  describe('guest carts', () => {
    it('opens a guest cart: 201 with id, a 256-bit token and Location; only the token’s SHA-256 is stored', async () => {
      const created = await t.http.post('/api/v1/carts');
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
      expect(Buffer.from(created.body.token, 'base64url')).toHaveLength(32);
      expect(created.headers.get('location')).toBe(`/api/v1/carts/${created.body.id}`);

      const [row] = await t.sql<{ hash: string; customer_id: string | null }>(
        `SELECT encode(token_hash, 'hex') AS hash, customer_id FROM carts WHERE id = $1`,
        [created.body.id],
      );
      expect(row).toEqual({ hash: createHash('sha256').update(created.body.token).digest('hex'), customer_id: null });
      expect(JSON.stringify(await t.sql('SELECT * FROM carts WHERE id = $1', [created.body.id]))).not.toContain(created.body.token);
    });

    it('serves the cart to the holder of its token, with the same shape as /cart', async () => {
      const cart = await guestCart();
      const read = await t.http.get(`/api/v1/carts/${cart.id}`, withToken(cart.token));
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: cart.id, items: [], itemCount: 0, subtotal: { amount: 0, currency: 'USD' }, currency: 'USD' });
    });

    it('answers 404 for a missing, wrong or another cart’s token, and for an unknown cart', async () => {
      const cart = await guestCart();
      const other = await guestCart();
      const [id] = await variants([5]);
      expectProblem(await t.http.get(`/api/v1/carts/${cart.id}`), 404, 'NOT_FOUND');
      expectProblem(await t.http.get(`/api/v1/carts/${cart.id}`, withToken('wrong')), 404, 'NOT_FOUND');
      expectProblem(await t.http.get(`/api/v1/carts/${cart.id}`, withToken(other.token)), 404, 'NOT_FOUND');
      expectProblem(await t.http.get(`/api/v1/carts/${randomUUID()}`, withToken(cart.token)), 404, 'NOT_FOUND');
      expectProblem(await t.http.get('/api/v1/carts/not-a-uuid', withToken(cart.token)), 404, 'NOT_FOUND');
      expectProblem(await t.http.post(`/api/v1/carts/${cart.id}/items`, { variantId: id, quantity: 1 }), 404, 'NOT_FOUND');
      expectProblem(
        await t.http.post(`/api/v1/carts/${cart.id}/items`, { variantId: id, quantity: 1 }, withToken(other.token)),
        404,
        'NOT_FOUND',
      );

      const added = await addToGuest(cart, id, 1);
      const itemId = added.body.items[0].id;
      expectProblem(
        await t.http.patch(`/api/v1/carts/${cart.id}/items/${itemId}`, { quantity: 2 }, withToken(other.token)),
        404,
        'NOT_FOUND',
      );
      expectProblem(await t.http.delete(`/api/v1/carts/${cart.id}/items/${itemId}`), 404, 'NOT_FOUND');
      expect((await t.http.get(`/api/v1/carts/${cart.id}`, withToken(cart.token))).body.items[0].quantity).toBe(1);
    });

    it('adds, changes and removes lines with the same rules as /cart', async () => {
      const cart = await guestCart();
      const [a, b] = await variants([10, 3]);
      const added = await addToGuest(cart, a, 2);
      expect(added.status).toBe(200);
      expect(added.body.items[0]).toMatchObject({ variantId: a, quantity: 2, unitPrice: { amount: 1000, currency: 'USD' }, available: 10 });
      await addToGuest(cart, a, 1);
      const withB = await addToGuest(cart, b, 1);
      expect(withB.body).toMatchObject({ itemCount: 4, subtotal: { amount: 4000, currency: 'USD' } });

      const lineB = withB.body.items[1].id;
      const tooMany = await t.http.patch(`/api/v1/carts/${cart.id}/items/${lineB}`, { quantity: 4 }, withToken(cart.token));
      expectProblem(tooMany, 409, 'INSUFFICIENT_STOCK');
      expect(tooMany.body.available).toBe(3);
      expectProblem(
        await t.http.patch(`/api/v1/carts/${cart.id}/items/${lineB}`, { quantity: 0 }, withToken(cart.token)),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(await addToGuest(cart, randomUUID(), 1), 404, 'VARIANT_NOT_FOUND');

      const patched = await t.http.patch(`/api/v1/carts/${cart.id}/items/${lineB}`, { quantity: 3 }, withToken(cart.token));
      expect(patched.status).toBe(200);
      expect(patched.body.itemCount).toBe(6);
      const removed = await t.http.delete(`/api/v1/carts/${cart.id}/items/${lineB}`, withToken(cart.token));
      expect(removed.status).toBe(200);
      expect(removed.body.items).toHaveLength(1);
    });

    it('loses no update on a guest cart either: 20 parallel additions end at 20', async () => {
      const cart = await guestCart();
      const [id] = await variants([40]);
      const responses = await Promise.all(Array.from({ length: 20 }, () => addToGuest(cart, id, 1)));
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
      expect((await t.http.get(`/api/v1/carts/${cart.id}`, withToken(cart.token))).body.items[0].quantity).toBe(20);
    });
  });

  describe('merging a guest cart into the customer’s cart', () => {
    it('adds quantities, caps them by stock and by 99 units, reports the capped lines and retires the guest cart', async () => {
      const { token } = tokenFor(t, 'customer');
      const [scarce, plenty, fresh] = await variants([6, 500, 4]);
      // The customer already holds 4 of `scarce` and 95 of `plenty`.
      await t.http.post('/api/v1/cart/items', { variantId: scarce, quantity: 4 }, { token });
      await t.http.post('/api/v1/cart/items', { variantId: plenty, quantity: 95 }, { token });
      const guest = await guestCart();
      await addToGuest(guest, scarce, 5);
      await addToGuest(guest, plenty, 10);
      await addToGuest(guest, fresh, 3);

      const merged = await t.http.post('/api/v1/cart/merge', { cartId: guest.id, token: guest.token }, { token });
      expect(merged.status).toBe(200);
      const quantities = Object.fromEntries(
        merged.body.items.map((item: { variantId: string; quantity: number }) => [item.variantId, item.quantity]),
      );
      expect(quantities).toEqual({ [scarce]: 6, [plenty]: 99, [fresh]: 3 });
      expect(merged.body.capped).toEqual(
        expect.arrayContaining([
          { variantId: scarce, requested: 5, added: 2 },
          { variantId: plenty, requested: 10, added: 4 },
        ]),
      );
      expect(merged.body.capped).toHaveLength(2);
      expect(merged.body.itemCount).toBe(108);
      expect((await t.http.get('/api/v1/cart', { token })).body).toMatchObject({ id: merged.body.id, itemCount: 108 });

      expectProblem(await t.http.get(`/api/v1/carts/${guest.id}`, withToken(guest.token)), 404, 'NOT_FOUND');
      expectProblem(await t.http.post('/api/v1/cart/merge', { cartId: guest.id, token: guest.token }, { token }), 404, 'NOT_FOUND');
      expect(await t.sql('SELECT 1 FROM cart_items WHERE cart_id = $1', [guest.id])).toEqual([]);
    });

    it('carries the guest cart’s promotion code and destination over, unless the customer’s cart has its own', async () => {
      const code = `MERGE${randomUUID().slice(0, 6).toUpperCase()}`;
      const promotion = await t.http.post(
        '/api/v1/admin/promotions',
        { name: 'Merge test', code, kind: 'percentage', value: 1000 },
        { token: admin },
      );
      expect(promotion.status).toBe(201);
      const [id] = await variants([10]);
      const prepareGuest = async () => {
        const guest = await guestCart();
        await addToGuest(guest, id, 1);
        expect((await t.http.post(`/api/v1/carts/${guest.id}/promotion-code`, { code }, withToken(guest.token))).status).toBe(200);
        expect((await t.http.put(`/api/v1/carts/${guest.id}/destination`, { country: 'FR' }, withToken(guest.token))).status).toBe(200);
        return guest;
      };

      const newcomer = tokenFor(t, 'customer').token;
      const guest = await prepareGuest();
      const merged = await t.http.post('/api/v1/cart/merge', { cartId: guest.id, token: guest.token }, { token: newcomer });
      expect(merged.status).toBe(200);
      expect(merged.body).toMatchObject({ promotionCode: code, promotionCodeInvalid: null, shippingCountry: 'FR' });
      expect(merged.body.discounts).toHaveLength(1);

      const settled = tokenFor(t, 'customer').token;
      expect((await t.http.put('/api/v1/cart/destination', { country: 'DE' }, { token: settled })).status).toBe(200);
      const second = await prepareGuest();
      const own = await t.http.post('/api/v1/cart/merge', { cartId: second.id, token: second.token }, { token: settled });
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ promotionCode: code, shippingCountry: 'DE' });
    });

    it('merges into a customer who has no cart yet', async () => {
      const { token } = tokenFor(t, 'customer');
      const [id] = await variants([10]);
      const guest = await guestCart();
      await addToGuest(guest, id, 2);
      const merged = await t.http.post('/api/v1/cart/merge', { cartId: guest.id, token: guest.token }, { token });
      expect(merged.status).toBe(200);
      expect(merged.body).toMatchObject({ itemCount: 2, capped: [] });
      expect(merged.body.id).not.toBe(guest.id);
    });

    it('refuses a wrong token with 404 and leaves both carts unchanged', async () => {
      const { token } = tokenFor(t, 'customer');
      const [id] = await variants([10]);
      const guest = await guestCart();
      await addToGuest(guest, id, 2);
      expectProblem(await t.http.post('/api/v1/cart/merge', { cartId: guest.id, token: 'not-the-token' }, { token }), 404, 'NOT_FOUND');
      expect((await t.http.get('/api/v1/carts/' + guest.id, withToken(guest.token))).body.items).toHaveLength(1);
      expect((await t.http.get('/api/v1/cart', { token })).body.items).toEqual([]);
    });

    it('lets only one of two parallel merges of the same guest cart succeed', async () => {
      const { token } = tokenFor(t, 'customer');
      const [id] = await variants([50]);
      const guest = await guestCart();
      await addToGuest(guest, id, 5);
      const results = await Promise.all(
        [1, 2].map(() => t.http.post('/api/v1/cart/merge', { cartId: guest.id, token: guest.token }, { token })),
      );
      expect(results.map((response) => response.status).sort()).toEqual([200, 404]);
      expect((await t.http.get('/api/v1/cart', { token })).body.items[0].quantity).toBe(5);
    });

    it('validates the merge body', async () => {
      const { token } = tokenFor(t, 'customer');
      expectProblem(await t.http.post('/api/v1/cart/merge', { cartId: 'nope', token: 'x' }, { token }), 400, 'VALIDATION_FAILED');
      expectProblem(await t.http.post('/api/v1/cart/merge', { cartId: randomUUID() }, { token }), 400, 'VALIDATION_FAILED');
      expectProblem(
        await t.http.post('/api/v1/cart/merge', { cartId: randomUUID(), token: 'x', extra: 1 }, { token }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(await t.http.post('/api/v1/cart/merge', { cartId: randomUUID(), token: 'x' }), 401, 'UNAUTHORIZED');
    });
  });

  describe('expiry', () => {
    it('treats a guest cart idle beyond GUEST_CART_TTL_HOURS as gone, and the cleanup deletes it', async () => {
      const idle = await guestCart();
      const recent = await guestCart();
      const [id] = await variants([5]);
      await addToGuest(idle, id, 1);
      await t.sql(`UPDATE carts SET updated_at = now() - interval '73 hours' WHERE id = $1`, [idle.id]);
      await t.sql(`UPDATE carts SET updated_at = now() - interval '71 hours' WHERE id = $1`, [recent.id]);

      // Gone on read before any cleanup has run.
      expectProblem(await t.http.get(`/api/v1/carts/${idle.id}`, withToken(idle.token)), 404, 'NOT_FOUND');
      expectProblem(await addToGuest(idle, id, 1), 404, 'NOT_FOUND');
      const { token } = tokenFor(t, 'customer');
      expectProblem(await t.http.post('/api/v1/cart/merge', { cartId: idle.id, token: idle.token }, { token }), 404, 'NOT_FOUND');
      expect(await t.sql('SELECT id FROM carts WHERE id = $1', [idle.id])).toHaveLength(1);
      expect((await t.http.get(`/api/v1/carts/${recent.id}`, withToken(recent.token))).status).toBe(200);

      const deleted = await t.app.get(ExpireGuestCarts, { strict: false }).execute();
      expect(deleted).toBeGreaterThanOrEqual(1);
      expect(await t.sql('SELECT id FROM carts WHERE id = $1', [idle.id])).toEqual([]);
      expect(await t.sql('SELECT id FROM cart_items WHERE cart_id = $1', [idle.id])).toEqual([]);
      expect(await t.sql('SELECT id FROM carts WHERE id = $1', [recent.id])).toHaveLength(1);
    });

    it('keeps a guest cart alive while it changes', async () => {
      const cart = await guestCart();
      const [id] = await variants([5]);
      await t.sql(`UPDATE carts SET updated_at = now() - interval '71 hours' WHERE id = $1`, [cart.id]);
      expect((await addToGuest(cart, id, 1)).status).toBe(200);
      const [row] = await t.sql<{ fresh: boolean }>(`SELECT updated_at > now() - interval '1 minute' AS fresh FROM carts WHERE id = $1`, [
        cart.id,
      ]);
      expect(row.fresh).toBe(true);
    });

    it('never expires customer carts', async () => {
      const { token, userId } = tokenFor(t, 'customer');
      const cart = await t.http.get('/api/v1/cart', { token });
      await t.sql(`UPDATE carts SET updated_at = now() - interval '1000 hours' WHERE customer_id = $1`, [userId]);
      await t.app.get(ExpireGuestCarts, { strict: false }).execute();
      expect((await t.http.get('/api/v1/cart', { token })).body.id).toBe(cart.body.id);
    });
  });
});

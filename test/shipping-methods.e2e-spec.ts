import type { HttpResponse } from './support/http-client';
import { randomUUID } from 'node:crypto';
import { ADDRESS, expectProblem, Shop } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';

const usd = (amount: number) => ({ amount, currency: 'USD' });

/** Shipping methods: admin CRUD, the options a cart is offered, and checkout's choice of method. */
describe('shipping methods', () => {
  let t: TestApp;
  let shop: Shop;

  beforeAll(async () => {
    t = await startTestApp({ SHIPPING_FEE_MINOR: '650' });
    shop = new Shop(t);
  });
  afterAll(() => t?.close());

  const create = (body: Record<string, unknown>, token = shop.admin) => t.http.post('/api/v1/admin/shipping-methods', body, { token });
  const method = (code: string, price: number, extra: Record<string, unknown> = {}) => ({
    code,
    name: `Method ${code}`,
    price: usd(price),
    // Antarctica unless a test says otherwise: the methods of one test stay out of the others' options.
    countries: ['AQ'],
    ...extra,
  });
  const options = (customer: { token: string }, country: string) =>
    t.http.get(`/api/v1/cart/shipping-options?country=${country}`, { token: customer.token });

  describe('admin CRUD', () => {
    it('starts with the migration’s standard method, serving every country at SHIPPING_FEE_MINOR', async () => {
      const list = await t.http.get('/api/v1/admin/shipping-methods', { token: shop.admin });
      expect(list.status).toBe(200);
      expect(list.body.data.find((m: { code: string }) => m.code === 'standard')).toMatchObject({
        code: 'standard',
        price: usd(650),
        freeOver: null,
        countries: [],
        active: true,
      });
    });

    it('creates, lists, changes and deactivates a method', async () => {
      const created = await create(
        method('crud-express', 1500, {
          countries: ['KE', 'UG', 'KE'],
          deliveryDays: { min: 1, max: 2 },
          freeOver: usd(20_000),
          description: 'Fast',
        }),
      );
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe('/api/v1/admin/shipping-methods');
      expect(created.body).toMatchObject({
        code: 'crud-express',
        price: usd(1500),
        freeOver: usd(20_000),
        countries: ['KE', 'UG'],
        deliveryDays: { min: 1, max: 2 },
        description: 'Fast',
        active: true,
      });
      const id = created.body.id;

      const patched = await t.http.patch(
        `/api/v1/admin/shipping-methods/${id}`,
        { name: 'Express KE', freeOver: null, deliveryDays: null },
        { token: shop.admin },
      );
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        name: 'Express KE',
        price: usd(1500),
        freeOver: null,
        deliveryDays: null,
        countries: ['KE', 'UG'],
      });

      const removed = await t.http.delete(`/api/v1/admin/shipping-methods/${id}`, { token: shop.admin });
      expect(removed.status).toBe(204);
      const page = await t.http.get('/api/v1/admin/shipping-methods?limit=100', { token: shop.admin });
      expect(page.body.data.find((m: { id: string }) => m.id === id)).toMatchObject({ active: false });
    });

    it('pages by code without skipping or repeating', async () => {
      for (const code of ['page-a', 'page-b', 'page-c']) expect((await create(method(code, 100, { active: false }))).status).toBe(201);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response: HttpResponse = await t.http.get(`/api/v1/admin/shipping-methods?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
          token: shop.admin,
        });
        expect(response.status).toBe(200);
        seen.push(...response.body.data.map((m: { code: string }) => m.code));
        cursor = response.body.page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(['page-a', 'page-b', 'page-c', 'standard']));
    });

    it('refuses a duplicate code with 409 CODE_TAKEN, on create and on rename', async () => {
      expect((await create(method('dup-code', 100))).status).toBe(201);
      expectProblem(await create(method('dup-code', 200)), 409, 'CODE_TAKEN');
      const other = await create(method('dup-other', 100));
      expectProblem(
        await t.http.patch(`/api/v1/admin/shipping-methods/${other.body.id}`, { code: 'dup-code' }, { token: shop.admin }),
        409,
        'CODE_TAKEN',
      );
    });

    it.each([
      ['an unknown field', { ...method('bad-a', 1), surprise: true }, 'surprise'],
      ['a float price', method('bad-b', 1.5), 'price.amount'],
      ['another currency', { ...method('bad-c', 1), price: { amount: 1, currency: 'EUR' } }, 'price.currency'],
      ['an unknown country', method('bad-d', 1, { countries: ['XX'] }), 'countries'],
      ['an upper-case code', method('BAD', 1), 'code'],
      ['min days above max', method('bad-e', 1, { deliveryDays: { min: 5, max: 2 } }), 'deliveryDays.max'],
      ['a negative price', method('bad-f', -1), 'price.amount'],
    ])('refuses %s with 400', async (_name, body, field) => {
      const response = await create(body);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('answers 404 for an unknown method on PATCH and DELETE', async () => {
      const id = randomUUID();
      expectProblem(await t.http.patch(`/api/v1/admin/shipping-methods/${id}`, { name: 'x' }, { token: shop.admin }), 404, 'NOT_FOUND');
      expectProblem(await t.http.delete(`/api/v1/admin/shipping-methods/${id}`, { token: shop.admin }), 404, 'NOT_FOUND');
    });

    it('is admin only: staff and customers get 403, anonymous 401', async () => {
      expectProblem(await t.http.get('/api/v1/admin/shipping-methods', { token: shop.staff }), 403, 'FORBIDDEN');
      expectProblem(await create(method('staff-made', 1), shop.staff), 403, 'FORBIDDEN');
      expectProblem(await create(method('customer-made', 1), shop.customer().token), 403, 'FORBIDDEN');
      expect((await t.http.get('/api/v1/admin/shipping-methods')).status).toBe(401);
    });
  });

  describe('options for a country and checkout', () => {
    // Methods only for made-up destinations of this block, so the other tests' methods stay out of the way.
    beforeAll(async () => {
      for (const body of [
        method('ng-express', 2500, { countries: ['NG'] }),
        method('ng-saver', 900, { countries: ['NG'], freeOver: usd(5000) }),
        method('ng-retired', 1, { countries: ['NG'], active: false }),
      ]) {
        expect((await create(body)).status).toBe(201);
      }
    });

    it('lists the active methods serving the country, priced for the cart, cheapest first', async () => {
      const customer = shop.customer();
      await shop.addToCart(customer, await shop.variant({ price: 1000, stock: 20 }), 2);
      const below = await options(customer, 'NG');
      expect(below.status).toBe(200);
      expect(below.body.data.map((o: any) => [o.method.code, o.price.amount])).toEqual([
        ['standard', 650],
        ['ng-saver', 900],
        ['ng-express', 2500],
      ]);
      await shop.addToCart(customer, await shop.variant({ price: 3000, stock: 20 }), 1);
      const above = await options(customer, 'NG');
      expect(above.body.data.map((o: any) => [o.method.code, o.price.amount])).toEqual([
        ['ng-saver', 0],
        ['standard', 650],
        ['ng-express', 2500],
      ]);
      expect(above.body.data[0].method).toMatchObject({ price: usd(900), freeOver: usd(5000), countries: ['NG'] });
      const elsewhere = await options(customer, 'FR');
      expect(elsewhere.body.data.map((o: any) => o.method.code)).not.toContain('ng-saver');
    });

    it('offers the same to a guest cart holding its token, and 404 without it', async () => {
      const cart = await t.http.post('/api/v1/carts');
      const headers = { 'X-Cart-Token': cart.body.token };
      const variantId = await shop.variant({ price: 6000, stock: 5 });
      expect((await t.http.post(`/api/v1/carts/${cart.body.id}/items`, { variantId, quantity: 1 }, { headers })).status).toBe(200);
      const response = await t.http.get(`/api/v1/carts/${cart.body.id}/shipping-options?country=NG`, { headers });
      expect(response.status).toBe(200);
      expect(response.body.data[0]).toMatchObject({ method: { code: 'ng-saver' }, price: usd(0) });
      expect((await t.http.get(`/api/v1/carts/${cart.body.id}/shipping-options?country=NG`)).status).toBe(404);
    });

    it('refuses a missing or unknown country with 400', async () => {
      const customer = shop.customer();
      expectProblem(await t.http.get('/api/v1/cart/shipping-options', { token: customer.token }), 400, 'VALIDATION_FAILED');
      expectProblem(await options(customer, 'XX'), 400, 'VALIDATION_FAILED');
    });

    it('checks out with the cheapest method serving the country when none is chosen', async () => {
      const customer = shop.customer();
      await shop.addToCart(customer, await shop.variant({ price: 2000, stock: 5 }), 1);
      const placed = await shop.checkout(customer, randomUUID(), { shippingAddress: { ...ADDRESS, country: 'NG' } });
      expect(placed.status).toBe(201);
      expect(placed.body).toMatchObject({
        shippingFee: usd(650),
        shippingMethod: { code: 'standard', name: 'Standard shipping' },
        total: usd(2650),
      });
    });

    it('checks out with the chosen method, its free-over threshold applied', async () => {
      const list = await t.http.get('/api/v1/admin/shipping-methods?limit=100', { token: shop.admin });
      const express = list.body.data.find((m: { code: string }) => m.code === 'ng-express');
      const saver = list.body.data.find((m: { code: string }) => m.code === 'ng-saver');
      const customer = shop.customer();
      await shop.addToCart(customer, await shop.variant({ price: 2000, stock: 5 }), 1);
      const placed = await shop.checkout(customer, randomUUID(), {
        shippingAddress: { ...ADDRESS, country: 'NG' },
        shippingMethodId: express.id,
      });
      expect(placed.status).toBe(201);
      expect(placed.body).toMatchObject({
        shippingFee: usd(2500),
        shippingMethod: { id: express.id, code: 'ng-express' },
        total: usd(4500),
      });

      const rich = shop.customer();
      await shop.addToCart(rich, await shop.variant({ price: 5000, stock: 5 }), 1);
      const free = await shop.checkout(rich, randomUUID(), { shippingAddress: { ...ADDRESS, country: 'NG' }, shippingMethodId: saver.id });
      expect(free.body).toMatchObject({ shippingFee: usd(0), shippingMethod: { code: 'ng-saver' }, total: usd(5000) });
    });

    it('answers 422 SHIPPING_UNAVAILABLE, reserving nothing, for a method that does not serve the country or an inactive one', async () => {
      const list = await t.http.get('/api/v1/admin/shipping-methods?limit=100', { token: shop.admin });
      const byCode = (code: string) => list.body.data.find((m: { code: string }) => m.code === code).id;
      const variantId = await shop.variant({ price: 2000, stock: 5 });
      const customer = shop.customer();
      await shop.addToCart(customer, variantId, 2);
      for (const shippingMethodId of [byCode('ng-express'), byCode('ng-retired'), randomUUID()]) {
        const country = shippingMethodId === byCode('ng-express') ? 'GB' : 'NG';
        const refused = await shop.checkout(customer, randomUUID(), { shippingAddress: { ...ADDRESS, country }, shippingMethodId });
        expectProblem(refused, 422, 'SHIPPING_UNAVAILABLE');
      }
      expect(await shop.stock(variantId)).toMatchObject({ reserved: 0, available: 5 });
      expect((await t.http.get('/api/v1/cart', { token: customer.token })).body.itemCount).toBe(2);
    });
  });

  describe('a store where nothing serves a country', () => {
    it('answers 422 SHIPPING_UNAVAILABLE once the standard method is limited to other countries', async () => {
      const list = await t.http.get('/api/v1/admin/shipping-methods?limit=100', { token: shop.admin });
      const standard = list.body.data.find((m: { code: string }) => m.code === 'standard');
      const variantId = await shop.variant({ price: 2000, stock: 5 });
      const customer = shop.customer();
      await shop.addToCart(customer, variantId, 1);
      expect(
        (await t.http.patch(`/api/v1/admin/shipping-methods/${standard.id}`, { countries: ['GB'] }, { token: shop.admin })).status,
      ).toBe(200);
      try {
        expect((await options(customer, 'JP')).body.data).toEqual([]);
        expectProblem(
          await shop.checkout(customer, randomUUID(), { shippingAddress: { ...ADDRESS, country: 'JP' } }),
          422,
          'SHIPPING_UNAVAILABLE',
        );
        expect(await shop.stock(variantId)).toMatchObject({ reserved: 0 });
      } finally {
        await t.http.patch(`/api/v1/admin/shipping-methods/${standard.id}`, { countries: [] }, { token: shop.admin });
      }
    });
  });
});

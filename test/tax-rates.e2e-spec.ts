import type { HttpResponse } from './support/http-client';
import { randomUUID } from 'node:crypto';
import { ADDRESS, expectProblem, Shop } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';

const usd = (amount: number) => ({ amount, currency: 'USD' });

async function createRate(t: TestApp, shop: Shop, body: Record<string, unknown>) {
  const response = await t.http.post('/api/v1/admin/tax-rates', body, { token: shop.admin });
  if (response.status !== 201) throw new Error(`tax rate: ${response.status} ${response.text}`);
  return response.body;
}

async function variantIn(t: TestApp, shop: Shop, price: number, taxCategory?: string): Promise<string> {
  const created = await t.http.post(
    '/api/v1/admin/products',
    {
      name: `Taxed ${randomUUID().slice(0, 8)}`,
      status: 'active',
      variants: [{ sku: `TAX-${randomUUID().slice(0, 8)}`, name: 'One', price: usd(price), ...(taxCategory ? { taxCategory } : {}) }],
    },
    { token: shop.admin },
  );
  if (created.status !== 201) throw new Error(`product: ${created.status} ${created.text}`);
  const id = created.body.variants[0].id;
  await shop.adjust(id, 50);
  return id;
}

describe('tax rates (prices exclude tax)', () => {
  let t: TestApp;
  let shop: Shop;

  beforeAll(async () => {
    t = await startTestApp({ SHIPPING_FEE_MINOR: '1000' });
    shop = new Shop(t);
  });
  afterAll(() => t?.close());

  describe('admin CRUD', () => {
    it('creates, lists by country, changes and deletes a rate', async () => {
      const created = await t.http.post('/api/v1/admin/tax-rates', { country: 'KE', rate: 1600, name: 'VAT 16 %' }, { token: shop.admin });
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe('/api/v1/admin/tax-rates');
      expect(created.body).toMatchObject({ country: 'KE', region: null, taxCategory: 'standard', rate: 1600, name: 'VAT 16 %' });

      const patched = await t.http.patch(
        `/api/v1/admin/tax-rates/${created.body.id}`,
        { rate: 1400, name: 'VAT 14 %' },
        { token: shop.admin },
      );
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ rate: 1400, name: 'VAT 14 %', country: 'KE' });

      const listed = await t.http.get('/api/v1/admin/tax-rates?country=KE', { token: shop.admin });
      expect(listed.body.data.map((rate: { id: string }) => rate.id)).toEqual([created.body.id]);

      expect((await t.http.delete(`/api/v1/admin/tax-rates/${created.body.id}`, { token: shop.admin })).status).toBe(204);
      expectProblem(await t.http.delete(`/api/v1/admin/tax-rates/${created.body.id}`, { token: shop.admin }), 404, 'NOT_FOUND');
      expectProblem(await t.http.patch(`/api/v1/admin/tax-rates/${created.body.id}`, { rate: 1 }, { token: shop.admin }), 404, 'NOT_FOUND');
    });

    it('keeps one rate per (country, region, category): 409 TAX_RATE_EXISTS, regions compared case-insensitively', async () => {
      await createRate(t, shop, { country: 'MX', region: 'Jalisco', rate: 1600, name: 'IVA' });
      const again = await t.http.post(
        '/api/v1/admin/tax-rates',
        { country: 'MX', region: 'JALISCO', rate: 800, name: 'IVA' },
        { token: shop.admin },
      );
      expectProblem(again, 409, 'TAX_RATE_EXISTS');
      const countryWide = await createRate(t, shop, { country: 'MX', rate: 1600, name: 'IVA' });
      expectProblem(
        await t.http.post('/api/v1/admin/tax-rates', { country: 'MX', rate: 1, name: 'x' }, { token: shop.admin }),
        409,
        'TAX_RATE_EXISTS',
      );
      const other = await createRate(t, shop, { country: 'MX', taxCategory: 'reduced', rate: 0, name: 'IVA 0 %' });
      expectProblem(
        await t.http.patch(`/api/v1/admin/tax-rates/${other.id}`, { taxCategory: 'standard' }, { token: shop.admin }),
        409,
        'TAX_RATE_EXISTS',
      );
      expect(countryWide.region).toBeNull();
    });

    it('pages by country, region and category without skipping or repeating', async () => {
      for (const region of ['A1', 'B2', 'C3']) await createRate(t, shop, { country: 'AR', region, rate: 2100, name: `IVA ${region}` });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response: HttpResponse = await t.http.get(`/api/v1/admin/tax-rates?country=AR&limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
          token: shop.admin,
        });
        expect(response.status).toBe(200);
        seen.push(...response.body.data.map((rate: { region: string }) => rate.region));
        cursor = response.body.page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['A1', 'B2', 'C3']);
      expectProblem(await t.http.get('/api/v1/admin/tax-rates?country=KE&cursor=bogus', { token: shop.admin }), 400, 'INVALID_CURSOR');
    });

    it.each([
      ['a rate above 100 %', { country: 'KE', rate: 10_001, name: 'x' }, 'rate'],
      ['a fractional rate', { country: 'KE', rate: 16.5, name: 'x' }, 'rate'],
      ['an unknown country', { country: 'XX', rate: 1, name: 'x' }, 'country'],
      ['a malformed category', { country: 'KE', taxCategory: 'Reduced Rate', rate: 1, name: 'x' }, 'taxCategory'],
      ['an unknown field', { country: 'KE', rate: 1, name: 'x', zone: 'EU' }, 'zone'],
    ])('refuses %s with 400', async (_name, body, field) => {
      const response = await t.http.post('/api/v1/admin/tax-rates', body, { token: shop.admin });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('is admin only: staff and customers get 403', async () => {
      expectProblem(await t.http.get('/api/v1/admin/tax-rates', { token: shop.staff }), 403, 'FORBIDDEN');
      expectProblem(
        await t.http.post('/api/v1/admin/tax-rates', { country: 'KE', rate: 1, name: 'x' }, { token: shop.customer().token }),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('variants carry a tax category', () => {
    it('defaults to standard, is set on create and PATCH, and is shown publicly', async () => {
      const variantId = await variantIn(t, shop, 100);
      const reduced = await variantIn(t, shop, 100, 'reduced');
      const patched = await t.http.patch(`/api/v1/admin/variants/${variantId}`, { taxCategory: 'zero' }, { token: shop.admin });
      expect(patched.status).toBe(200);
      expect(patched.body.taxCategory).toBe('zero');
      const rows = await t.sql<{ id: string; tax_category: string }>(`SELECT id, tax_category FROM product_variants WHERE id = ANY($1)`, [
        [variantId, reduced],
      ]);
      expect(Object.fromEntries(rows.map((row) => [row.id, row.tax_category]))).toEqual({ [variantId]: 'zero', [reduced]: 'reduced' });
      expectProblem(
        await t.http.patch(`/api/v1/admin/variants/${variantId}`, { taxCategory: 'NOT OK' }, { token: shop.admin }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('checkout', () => {
    // Canada: GST 5 % country-wide, Ontario's HST 13 % instead; books (reduced) 0 % country-wide.
    beforeAll(async () => {
      await createRate(t, shop, { country: 'CA', rate: 500, name: 'GST 5 %' });
      await createRate(t, shop, { country: 'CA', region: 'ON', rate: 1300, name: 'HST 13 %' });
      await createRate(t, shop, { country: 'CA', taxCategory: 'reduced', rate: 0, name: 'Zero-rated' });
    });
    const canada = (region?: string) => ({ ...ADDRESS, country: 'CA', region, postalCode: 'M5V 2T6' });

    async function placeFor(lines: [string, number][], region?: string) {
      const customer = shop.customer();
      for (const [variantId, quantity] of lines) await shop.addToCart(customer, variantId, quantity);
      const placed = await shop.checkout(customer, randomUUID(), { shippingAddress: canada(region) });
      expect(placed.status).toBe(201);
      return { customer, order: placed.body };
    }

    it('taxes each line at its category’s rate and shipping at the standard rate, a region’s rate beating its country’s', async () => {
      const shirt = await variantIn(t, shop, 1999);
      const book = await variantIn(t, shop, 1250, 'reduced');
      const { order } = await placeFor(
        [
          [shirt, 3],
          [book, 2],
        ],
        'on',
      );
      // 5997 × 13 % = 779.61 → 780; the book 0 %; shipping 1000 × 13 % = 130
      expect(order.lines.map((line: any) => [line.taxRate, line.taxAmount.amount])).toEqual(
        order.lines.map((line: any) => (line.variantId === shirt ? [1300, 780] : [0, 0])),
      );
      expect(order).toMatchObject({
        subtotal: usd(5997 + 2500),
        shippingFee: usd(1000),
        taxTotal: usd(910),
        total: usd(5997 + 2500 + 1000 + 910),
        discountTotal: usd(0),
        discounts: [],
        pricesIncludeTax: false,
        taxLines: [{ name: 'HST 13 %', rate: 1300, taxCategory: 'standard', amount: usd(910) }],
      });

      const elsewhere = await placeFor([[shirt, 1]], 'QC');
      expect(elsewhere.order).toMatchObject({ taxTotal: usd(100 + 50), taxLines: [{ name: 'GST 5 %', rate: 500, amount: usd(150) }] });
    });

    it('taxes a destination without rates at 0', async () => {
      const customer = shop.customer();
      await shop.addToCart(customer, await variantIn(t, shop, 1000), 1);
      const placed = await shop.checkout(customer, randomUUID(), { shippingAddress: { ...ADDRESS, country: 'IS' } });
      expect(placed.body).toMatchObject({ taxTotal: usd(0), taxLines: [], total: usd(2000) });
      expect(placed.body.lines[0]).toMatchObject({ taxRate: 0, taxAmount: usd(0), discountAmount: usd(0) });
    });

    it('keeps the order’s snapshot when rates and methods change later, and a refund returns what was paid', async () => {
      const rate = await createRate(t, shop, { country: 'NZ', rate: 1500, name: 'GST 15 %' });
      const buyer = shop.customer();
      await shop.addToCart(buyer, await variantIn(t, shop, 4000), 1);
      const placed = await shop.checkout(buyer, randomUUID(), { shippingAddress: { ...ADDRESS, country: 'NZ' } });
      expect(placed.body).toMatchObject({ taxTotal: usd(750), total: usd(5750) });
      const pricing = (body: any) => ({
        lines: body.lines,
        subtotal: body.subtotal,
        shippingFee: body.shippingFee,
        taxTotal: body.taxTotal,
        taxLines: body.taxLines,
        total: body.total,
        shippingMethod: body.shippingMethod,
      });

      await t.http.patch(`/api/v1/admin/tax-rates/${rate.id}`, { rate: 2500, name: 'GST 25 %' }, { token: shop.admin });
      const methods = await t.http.get('/api/v1/admin/shipping-methods', { token: shop.admin });
      const standard = methods.body.data.find((m: { code: string }) => m.code === 'standard');
      await t.http.patch(`/api/v1/admin/shipping-methods/${standard.id}`, { price: usd(1), name: 'Renamed' }, { token: shop.admin });
      try {
        const later = await t.http.get(`/api/v1/orders/${placed.body.id}`, { token: buyer.token });
        expect(pricing(later.body)).toEqual(pricing(placed.body));
        expect(later.body.shippingMethod).toEqual({ id: standard.id, code: 'standard', name: 'Standard shipping' });

        const paid = await shop.pay(buyer, placed.body.id);
        expect(paid.body.amount).toEqual(usd(5750));
        const refunded = await shop.adminPost(`/${placed.body.id}/refund`, { reason: 'changed mind' });
        expect(refunded.status).toBe(200);
        expect(refunded.body.payments).toEqual([expect.objectContaining({ status: 'refunded', amount: usd(5750) })]);
      } finally {
        await t.http.patch(
          `/api/v1/admin/shipping-methods/${standard.id}`,
          { price: usd(1000), name: 'Standard shipping' },
          { token: shop.admin },
        );
      }
    });
  });
});

describe('tax rates (PRICES_INCLUDE_TAX=true)', () => {
  let t: TestApp;
  let shop: Shop;

  beforeAll(async () => {
    t = await startTestApp({ PRICES_INCLUDE_TAX: 'true', SHIPPING_FEE_MINOR: '600' });
    shop = new Shop(t);
  });
  afterAll(() => t?.close());

  it('extracts the tax from the prices instead of adding it', async () => {
    await createRate(t, shop, { country: 'GB', rate: 2000, name: 'VAT 20 %' });
    await createRate(t, shop, { country: 'GB', taxCategory: 'reduced', rate: 500, name: 'VAT 5 %' });
    const customer = shop.customer();
    await shop.addToCart(customer, await variantIn(t, shop, 1200), 2);
    await shop.addToCart(customer, await variantIn(t, shop, 1050, 'reduced'), 1);
    const placed = await shop.checkout(customer, randomUUID(), { shippingAddress: ADDRESS });
    expect(placed.status).toBe(201);
    // 2400 × 2000/12000 = 400; 1050 × 500/10500 = 50; shipping 600 × 2000/12000 = 100
    expect(placed.body).toMatchObject({
      subtotal: usd(3450),
      shippingFee: usd(600),
      taxTotal: usd(550),
      total: usd(4050),
      pricesIncludeTax: true,
      taxLines: expect.arrayContaining([
        { name: 'VAT 20 %', rate: 2000, taxCategory: 'standard', amount: usd(500) },
        { name: 'VAT 5 %', rate: 500, taxCategory: 'reduced', amount: usd(50) },
      ]),
    });
  });
});

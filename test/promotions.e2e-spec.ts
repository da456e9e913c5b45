import { randomUUID } from 'node:crypto';
import { Promotions, usd } from './support/promotions';
import { ADDRESS, expectProblem, Shop } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';

const HOUR = 3_600_000;

describe('promotions: admin, cart codes and automatic promotions', () => {
  let t: TestApp;
  let shop: Shop;
  let promos: Promotions;

  beforeAll(async () => {
    t = await startTestApp({ SHIPPING_FEE_MINOR: '500' });
    shop = new Shop(t);
    promos = new Promotions(shop);
  });
  afterAll(() => t?.close());

  describe('admin CRUD', () => {
    it('creates, reads, lists, changes and deactivates a promotion', async () => {
      const code = promos.code('SAVE');
      const created = await promos.create({ name: '10 % off', code, kind: 'percentage', value: 1000, usageLimit: 50 });
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe(`/api/v1/admin/promotions/${created.body.id}`);
      expect(created.body).toMatchObject({
        name: '10 % off',
        code,
        kind: 'percentage',
        value: 1000,
        minSubtotal: null,
        appliesTo: null,
        startsAt: null,
        endsAt: null,
        usageLimit: 50,
        usageLimitPerCustomer: null,
        timesUsed: 0,
        active: true,
      });
      expect(Date.parse(created.body.createdAt)).not.toBeNaN();

      const fixed = await promos.create({
        name: '5 off over 20',
        code: promos.code('FIVE'),
        kind: 'fixed_amount',
        value: usd(500),
        minSubtotal: usd(2000),
        appliesTo: { categoryIds: [await promos.category('Shoes')] },
        startsAt: '2026-01-01T00:00:00.000Z',
        endsAt: '2030-01-01T00:00:00.000Z',
      });
      expect(fixed.status).toBe(201);
      expect(fixed.body).toMatchObject({
        kind: 'fixed_amount',
        value: usd(500),
        minSubtotal: usd(2000),
        startsAt: '2026-01-01T00:00:00.000Z',
      });
      expect(fixed.body.appliesTo.productIds).toEqual([]);

      const free = await promos.create({ name: 'Free shipping', kind: 'free_shipping', active: false });
      expect(free.status).toBe(201);
      expect(free.body.code).toBeNull();
      expect(free.body).not.toHaveProperty('value');

      expect((await promos.get(created.body.id)).body).toEqual(created.body);
      const patched = await promos.patch(created.body.id, { value: 1500, usageLimit: null, name: '15 % off' });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ value: 1500, usageLimit: null, name: '15 % off', code, kind: 'percentage' });

      // Newest first, paged without skipping or repeating.
      const first = await t.http.get('/api/v1/admin/promotions?limit=2', { token: shop.admin });
      expect(first.status).toBe(200);
      expect(first.body.data.map((p: any) => p.id)).toEqual([free.body.id, fixed.body.id]);
      const second = await t.http.get(`/api/v1/admin/promotions?limit=2&cursor=${first.body.page.nextCursor}`, { token: shop.admin });
      expect(second.body.data.map((p: any) => p.id)).toEqual([created.body.id]);
      expect(second.body.page.nextCursor).toBeNull();

      expect((await t.http.delete(`/api/v1/admin/promotions/${created.body.id}`, { token: shop.admin })).status).toBe(204);
      expect((await promos.get(created.body.id)).body.active).toBe(false);
      expect((await promos.patch(created.body.id, { active: true })).body.active).toBe(true);
    });

    it('refuses a code already in use regardless of case (409 CODE_TAKEN), on create and on change', async () => {
      const code = promos.code('DUP');
      await promos.created({ code, kind: 'percentage', value: 100 });
      expectProblem(await promos.create({ name: 'Again', code: code.toLowerCase(), kind: 'percentage', value: 100 }), 409, 'CODE_TAKEN');
      const other = await promos.created({ code: promos.code('OTHER'), kind: 'free_shipping' });
      expectProblem(await promos.patch(other.id, { code: code.toLowerCase() }), 409, 'CODE_TAKEN');
    });

    it('is for admins only: staff and customers 403, anonymous 401; an unknown id 404', async () => {
      expectProblem(await promos.create({ name: 'x', kind: 'free_shipping' }, shop.staff), 403, 'FORBIDDEN');
      expectProblem(await t.http.get('/api/v1/admin/promotions', { token: shop.staff }), 403, 'FORBIDDEN');
      expectProblem(await t.http.get('/api/v1/admin/promotions', { token: shop.customer().token }), 403, 'FORBIDDEN');
      expect((await t.http.get('/api/v1/admin/promotions')).status).toBe(401);
      const unknown = randomUUID();
      expectProblem(await promos.get(unknown), 404, 'NOT_FOUND');
      expectProblem(await promos.patch(unknown, { name: 'x' }), 404, 'NOT_FOUND');
      expectProblem(await t.http.delete(`/api/v1/admin/promotions/${unknown}`, { token: shop.admin }), 404, 'NOT_FOUND');
    });

    it.each([
      ['no name', { kind: 'percentage', value: 100 }, 'name'],
      ['an unknown kind', { name: 'x', kind: 'bogo', value: 100 }, 'kind'],
      ['a percentage of 0', { name: 'x', kind: 'percentage', value: 0 }, 'value'],
      ['a percentage over 10000', { name: 'x', kind: 'percentage', value: 10_001 }, 'value'],
      ['a fractional percentage', { name: 'x', kind: 'percentage', value: 10.5 }, 'value'],
      ['a percentage as text', { name: 'x', kind: 'percentage', value: '1000' }, 'value'],
      ['a percentage without value', { name: 'x', kind: 'percentage' }, 'value'],
      ['a fixed amount given as a number', { name: 'x', kind: 'fixed_amount', value: 500 }, 'value'],
      ['a fixed amount of 0', { name: 'x', kind: 'fixed_amount', value: usd(0) }, 'value'],
      [
        'a fixed amount in another currency',
        { name: 'x', kind: 'fixed_amount', value: { amount: 500, currency: 'EUR' } },
        'value.currency',
      ],
      ['a fixed amount with an extra field', { name: 'x', kind: 'fixed_amount', value: { ...usd(5), note: 'x' } }, 'value'],
      ['free shipping with a value', { name: 'x', kind: 'free_shipping', value: 100 }, 'value'],
      ['free shipping with a scope', { name: 'x', kind: 'free_shipping', appliesTo: { productIds: [randomUUID()] } }, 'appliesTo'],
      [
        'endsAt before startsAt',
        { name: 'x', kind: 'free_shipping', startsAt: '2027-01-02T00:00:00Z', endsAt: '2027-01-01T00:00:00Z' },
        'endsAt',
      ],
      [
        'endsAt equal to startsAt',
        { name: 'x', kind: 'free_shipping', startsAt: '2027-01-01T00:00:00Z', endsAt: '2027-01-01T00:00:00Z' },
        'endsAt',
      ],
      ['a date that is not ISO-8601', { name: 'x', kind: 'free_shipping', startsAt: 'tomorrow' }, 'startsAt'],
      ['a code too long', { name: 'x', kind: 'free_shipping', code: 'A'.repeat(51) }, 'code'],
      ['a code with spaces', { name: 'x', kind: 'free_shipping', code: 'TEN OFF' }, 'code'],
      ['a name too long', { name: 'x'.repeat(101), kind: 'free_shipping' }, 'name'],
      ['a usage limit of 0', { name: 'x', kind: 'free_shipping', usageLimit: 0 }, 'usageLimit'],
      ['a per-customer limit as text', { name: 'x', kind: 'free_shipping', usageLimitPerCustomer: '1' }, 'usageLimitPerCustomer'],
      ['a minimum subtotal below 0', { name: 'x', kind: 'free_shipping', minSubtotal: usd(-1) }, 'minSubtotal.amount'],
      [
        'more than 100 product ids',
        { name: 'x', kind: 'percentage', value: 1, appliesTo: { productIds: Array.from({ length: 101 }, () => randomUUID()) } },
        'appliesTo.productIds',
      ],
      [
        'a category id that is not a UUID',
        { name: 'x', kind: 'percentage', value: 1, appliesTo: { categoryIds: ['shoes'] } },
        'appliesTo.categoryIds',
      ],
      ['an unknown field in appliesTo', { name: 'x', kind: 'percentage', value: 1, appliesTo: { skus: ['A'] } }, 'appliesTo.skus'],
      ['an unknown field', { name: 'x', kind: 'free_shipping', timesUsed: 3 }, 'timesUsed'],
      ['an active flag as text', { name: 'x', kind: 'free_shipping', active: 'true' }, 'active'],
    ])('refuses %s (400 on the field)', async (_name, body, field) => {
      const response = await promos.create(body);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('checks a change against the whole promotion: kind needs its value, dates stay ordered', async () => {
      // With a code: an automatic one would apply to the other tests' carts.
      const promotion = await promos.created({
        code: promos.code('KIND'),
        kind: 'percentage',
        value: 1000,
        startsAt: '2026-01-01T00:00:00.000Z',
      });
      expectProblem(await promos.patch(promotion.id, { kind: 'fixed_amount' }), 400, 'VALIDATION_FAILED');
      expectProblem(await promos.patch(promotion.id, { endsAt: '2025-12-31T00:00:00.000Z' }), 400, 'VALIDATION_FAILED');
      expectProblem(await promos.patch(promotion.id, { timesUsed: 0 }), 400, 'VALIDATION_FAILED');
      const changed = await promos.patch(promotion.id, { kind: 'fixed_amount', value: usd(300) });
      expect(changed.body).toMatchObject({ kind: 'fixed_amount', value: usd(300) });
      const freed = await promos.patch(promotion.id, { kind: 'free_shipping' });
      expect(freed.status).toBe(200);
      expect(freed.body).not.toHaveProperty('value');
    });
  });

  describe('codes on the cart', () => {
    const cart = (token: string) => t.http.get('/api/v1/cart', { token });

    it('applies a code case-insensitively: the cart shows the code, the discount per line and in total', async () => {
      const code = promos.code('TEN');
      const promotion = await promos.created({ name: 'Ten percent', code, kind: 'percentage', value: 1000 });
      const customer = shop.customer();
      const { variantId } = await promos.product(1999);
      await shop.addToCart(customer, variantId, 3);

      const applied = await promos.apply(customer, `  ${code.toLowerCase()} `);
      expect(applied.status).toBe(200);
      // 5997 × 10 % = 599.7 → 600
      expect(applied.body).toMatchObject({
        promotionCode: code,
        promotionCodeInvalid: null,
        subtotal: usd(5997),
        discounts: [{ promotionId: promotion.id, code, name: 'Ten percent', kind: 'percentage', amount: usd(600) }],
        discountTotal: usd(600),
      });
      expect(applied.body.items[0].discountAmount).toEqual(usd(600));
      expect((await cart(customer.token)).body).toMatchObject({ promotionCode: code, discountTotal: usd(600) });

      const removed = await t.http.delete('/api/v1/cart/promotion-code', { token: customer.token });
      expect(removed.status).toBe(200);
      expect(removed.body).toMatchObject({ promotionCode: null, discounts: [], discountTotal: usd(0) });
    });

    it('keeps at most one code: a second replaces the first', async () => {
      const first = promos.code('FIRST');
      const second = promos.code('SECOND');
      await promos.created({ code: first, kind: 'percentage', value: 1000 });
      await promos.created({ code: second, kind: 'fixed_amount', value: usd(100) });
      const customer = shop.customer();
      await shop.addToCart(customer, (await promos.product(1000)).variantId, 1);
      await promos.apply(customer, first);
      const replaced = await promos.apply(customer, second);
      expect(replaced.body.promotionCode).toBe(second);
      expect(replaced.body.discounts.map((d: any) => d.code)).toEqual([second]);
      expect(replaced.body.discountTotal).toEqual(usd(100));
    });

    it('answers 422 PROMOTION_INVALID with the reason for every code that does not apply, and keeps the cart as it was', async () => {
      const customer = shop.customer();
      const { variantId } = await promos.product(1000);
      const elsewhere = await promos.product(1000);
      await shop.addToCart(customer, variantId, 2);
      const valid = promos.code('VALID');
      await promos.created({ code: valid, kind: 'percentage', value: 500 });
      expect((await promos.apply(customer, valid)).status).toBe(200);

      const now = Date.now();
      const make = async (body: Record<string, unknown>) => {
        const code = promos.code('BAD');
        await promos.created({ code, kind: 'percentage', value: 1000, ...body });
        return code;
      };
      const cases: [string, string][] = [
        ['unknown', promos.code('NOSUCH')],
        ['inactive', await make({ active: false })],
        ['expired', await make({ startsAt: new Date(now - 2 * HOUR).toISOString(), endsAt: new Date(now - HOUR).toISOString() })],
        ['not_started', await make({ startsAt: new Date(now + HOUR).toISOString() })],
        ['min_subtotal_not_met', await make({ minSubtotal: usd(2001) })],
        ['not_applicable', await make({ appliesTo: { productIds: [elsewhere.productId] } })],
      ];
      for (const [reason, code] of cases) {
        const refused = await promos.apply(customer, code);
        expectProblem(refused, 422, 'PROMOTION_INVALID');
        expect({ code, reason: refused.body.reason }).toEqual({ code, reason });
      }
      expect((await cart(customer.token)).body).toMatchObject({ promotionCode: valid, discountTotal: usd(100) });
    });

    it('answers exhausted once the usage limit is reached, and already_used once this customer reached theirs', async () => {
      const once = promos.code('ONCE');
      const perCustomer = promos.code('PERCUST');
      await promos.created({ code: once, kind: 'percentage', value: 1000, usageLimit: 1 });
      await promos.created({ code: perCustomer, kind: 'percentage', value: 1000, usageLimitPerCustomer: 1 });
      const { variantId } = await promos.product(1000);

      const buyer = shop.customer();
      await shop.addToCart(buyer, variantId, 1);
      expect((await promos.apply(buyer, once)).status).toBe(200);
      expect((await shop.checkout(buyer)).status).toBe(201);
      await shop.addToCart(buyer, variantId, 1);
      expect((await promos.apply(buyer, perCustomer)).status).toBe(200);
      expect((await shop.checkout(buyer)).status).toBe(201);

      await shop.addToCart(buyer, variantId, 1);
      const again = await promos.apply(buyer, perCustomer);
      expectProblem(again, 422, 'PROMOTION_INVALID');
      expect(again.body.reason).toBe('already_used');

      const other = shop.customer();
      await shop.addToCart(other, variantId, 1);
      const exhausted = await promos.apply(other, once);
      expectProblem(exhausted, 422, 'PROMOTION_INVALID');
      expect(exhausted.body.reason).toBe('exhausted');
      // Another customer may still use the per-customer code.
      expect((await promos.apply(other, perCustomer)).status).toBe(200);
    });

    it('validates the body: no code, an empty or over-long one, an unknown field → 400', async () => {
      const customer = shop.customer();
      for (const body of [{}, { code: '' }, { code: 'A'.repeat(51) }, { code: 'A', extra: 1 }, { code: 10 }]) {
        expectProblem(await t.http.post('/api/v1/cart/promotion-code', body, { token: customer.token }), 400, 'VALIDATION_FAILED');
      }
      expect((await t.http.post('/api/v1/cart/promotion-code', { code: 'X' })).status).toBe(401);
      expectProblem(await t.http.post('/api/v1/cart/promotion-code', { code: 'X' }, { token: shop.staff }), 403, 'FORBIDDEN');
    });

    it('shows a code that stopped holding as promotionCodeInvalid with no discount, and checkout refuses it: 409, nothing reserved', async () => {
      const code = promos.code('LATER');
      const promotion = await promos.created({ code, kind: 'fixed_amount', value: usd(250) });
      const customer = shop.customer();
      const { variantId } = await promos.product(1000, { stock: 5 });
      await shop.addToCart(customer, variantId, 2);
      expect((await promos.apply(customer, code)).body.discountTotal).toEqual(usd(250));

      expect((await t.http.delete(`/api/v1/admin/promotions/${promotion.id}`, { token: shop.admin })).status).toBe(204);
      const shown = await cart(customer.token);
      expect(shown.body).toMatchObject({ promotionCode: code, promotionCodeInvalid: 'inactive', discounts: [], discountTotal: usd(0) });

      const refused = await shop.checkout(customer);
      expectProblem(refused, 409, 'PROMOTION_INVALID');
      expect(refused.body.reason).toBe('inactive');
      expect(await shop.stock(variantId)).toMatchObject({ reserved: 0, available: 5 });
      expect((await cart(customer.token)).body.items).toHaveLength(1);

      // Removing the code lets the shopper check out at full price, knowingly.
      await t.http.delete('/api/v1/cart/promotion-code', { token: customer.token });
      const placed = await shop.checkout(customer);
      expect(placed.status).toBe(201);
      expect(placed.body).toMatchObject({ discountTotal: usd(0), discounts: [] });
    });

    it('works on guest carts with the cart token (a wrong token → 404)', async () => {
      const code = promos.code('GUEST');
      await promos.created({ code, kind: 'percentage', value: 2000 });
      const { variantId } = await promos.product(1000);
      const opened = await t.http.post('/api/v1/carts');
      const { id, token } = opened.body;
      const headers = { 'X-Cart-Token': token };
      await t.http.post(`/api/v1/carts/${id}/items`, { variantId, quantity: 1 }, { headers });

      expect((await t.http.post(`/api/v1/carts/${id}/promotion-code`, { code }, { headers: { 'X-Cart-Token': 'wrong' } })).status).toBe(
        404,
      );
      const applied = await t.http.post(`/api/v1/carts/${id}/promotion-code`, { code }, { headers });
      expect(applied.status).toBe(200);
      expect(applied.body).toMatchObject({ promotionCode: code, discountTotal: usd(200) });
      const refused = await t.http.post(`/api/v1/carts/${id}/promotion-code`, { code: promos.code('NONE') }, { headers });
      expectProblem(refused, 422, 'PROMOTION_INVALID');
      expect(refused.body.reason).toBe('unknown');
      const removed = await t.http.delete(`/api/v1/carts/${id}/promotion-code`, { headers });
      expect(removed.body).toMatchObject({ promotionCode: null, discountTotal: usd(0) });
    });
  });

  describe('automatic promotions and stacking', () => {
    it('an automatic promotion scoped to a category applies by itself to its sub-categories, not elsewhere', async () => {
      const parent = await promos.category('Outdoor');
      const child = await promos.category('Tents', parent);
      const grandchild = await promos.category('Pegs', child);
      const inScope = await promos.product(3000, { categoryId: grandchild });
      const outside = await promos.product(1000, { categoryId: await promos.category('Kitchen') });
      const automatic = await promos.created({
        name: 'Outdoor week',
        kind: 'percentage',
        value: 2500,
        appliesTo: { categoryIds: [parent] },
      });

      const customer = shop.customer();
      await shop.addToCart(customer, inScope.variantId, 1);
      await shop.addToCart(customer, outside.variantId, 1);
      const view = (await t.http.get('/api/v1/cart', { token: customer.token })).body;
      expect(view).toMatchObject({
        promotionCode: null,
        discounts: [{ promotionId: automatic.id, code: null, name: 'Outdoor week', kind: 'percentage', amount: usd(750) }],
        discountTotal: usd(750),
      });
      expect(view.items.map((item: any) => item.discountAmount.amount)).toEqual([750, 0]);

      // Deactivated, it no longer applies to anyone.
      await t.http.delete(`/api/v1/admin/promotions/${automatic.id}`, { token: shop.admin });
      expect((await t.http.get('/api/v1/cart', { token: customer.token })).body.discounts).toEqual([]);
    });

    it('stacks percentages (compounding), then fixed amounts capped by what is left, then free shipping, into the order', async () => {
      const category = await promos.category('Stack');
      const a = await promos.product(6000, { categoryId: category });
      const b = await promos.product(4000, { categoryId: category });
      const percent = promos.code('PCT');
      const scope = { appliesTo: { categoryIds: [category] } };
      const auto1 = await promos.created({ name: 'Auto 10 %', kind: 'percentage', value: 1000, ...scope });
      const auto2 = await promos.created({ name: 'Auto 5 off', kind: 'fixed_amount', value: usd(500), ...scope });
      const auto3 = await promos.created({ name: 'Free shipping', kind: 'free_shipping', minSubtotal: usd(10_000) });
      await promos.created({ name: 'Code 20 %', code: percent, kind: 'percentage', value: 2000 });
      try {
        const customer = shop.customer();
        await shop.addToCart(customer, a.variantId, 1);
        await shop.addToCart(customer, b.variantId, 1);
        await promos.apply(customer, percent);
        const preview = (await t.http.put('/api/v1/cart/destination', { country: 'GB' }, { token: customer.token })).body;
        // 10000 − 10 % = 9000 (1000); − 20 % = 7200 (1800); − 500 = 6700; shipping 500 waived.
        expect(preview.discounts.map((d: any) => [d.name, d.amount.amount])).toEqual([
          ['Auto 10 %', 1000],
          ['Code 20 %', 1800],
          ['Auto 5 off', 500],
          ['Free shipping', 500],
        ]);
        expect(preview.discountTotal).toEqual(usd(3300));
        expect(preview.estimate).toEqual({ shippingFee: usd(0), taxTotal: usd(0), total: usd(6700) });
        // Allocated by line in proportion (6000 : 4000), adding up exactly.
        expect(preview.items.map((item: any) => item.discountAmount.amount)).toEqual([1980, 1320]);

        const placed = await shop.checkout(customer, randomUUID(), { shippingAddress: ADDRESS, expectedTotal: preview.estimate.total });
        expect(placed.status).toBe(201);
        expect(placed.body).toMatchObject({ subtotal: usd(10_000), discountTotal: usd(3300), shippingFee: usd(0), total: usd(6700) });
        expect(placed.body.discounts).toEqual(preview.discounts);
        expect(placed.body.lines.map((line: any) => line.discountAmount.amount).sort()).toEqual([1320, 1980]);
      } finally {
        for (const promotion of [auto1, auto2, auto3])
          await t.http.delete(`/api/v1/admin/promotions/${promotion.id}`, { token: shop.admin });
      }
    });

    it('a fixed amount never takes more than what it applies to', async () => {
      const code = promos.code('BIG');
      const { productId, variantId } = await promos.product(300);
      await promos.created({ code, kind: 'fixed_amount', value: usd(10_000), appliesTo: { productIds: [productId] } });
      const customer = shop.customer();
      await shop.addToCart(customer, variantId, 2);
      await shop.addToCart(customer, (await promos.product(1000)).variantId, 1);
      const applied = await promos.apply(customer, code);
      expect(applied.body).toMatchObject({ subtotal: usd(1600), discountTotal: usd(600) });
      expect(applied.body.items.map((item: any) => item.discountAmount.amount)).toEqual([600, 0]);
    });
  });
});

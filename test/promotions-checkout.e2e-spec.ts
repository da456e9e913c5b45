import { randomUUID } from 'node:crypto';
import { ExpireUnpaidOrders } from '@congocart/ordering';
import { PricedOrder, PromotionRedemptions } from '@congocart/pricing';
import { TransactionHost } from '@congocart/shared';
import { Promotions, usd } from './support/promotions';
import { ADDRESS, Customer, expectProblem, Shop } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';

const US_CA = { ...ADDRESS, country: 'US', region: 'CA', city: 'San Francisco', postalCode: '94103' };

/** Redemption at checkout: usage limits hold exactly, uses come back on cancellation and expiry, orders keep their discounts. */
describe('promotions at checkout', () => {
  let t: TestApp;
  let shop: Shop;
  let promos: Promotions;

  beforeAll(async () => {
    // Tests here move promotions in time with SQL, behind the application's back: no cached rules.
    t = await startTestApp({ SHIPPING_FEE_MINOR: '499', PRICING_CACHE_TTL_MS: '0' });
    shop = new Shop(t);
    promos = new Promotions(shop);
  });
  afterAll(() => t?.close());

  async function cartWithCode(variantId: string, code: string, quantity = 1): Promise<Customer> {
    const customer = shop.customer();
    await shop.addToCart(customer, variantId, quantity);
    const applied = await promos.apply(customer, code);
    if (applied.status !== 200) throw new Error(`apply: ${applied.status} ${applied.text}`);
    return customer;
  }

  const timesUsed = async (id: string): Promise<number> => (await promos.get(id)).body.timesUsed;

  it('redeems a code limited to 5 exactly 5 times when 40 customers check out at once; the others 409 exhausted, nothing reserved', async () => {
    const code = promos.code('FIVE');
    const promotion = await promos.created({ code, kind: 'percentage', value: 1000, usageLimit: 5 });
    const { variantId } = await promos.product(1000, { stock: 100 });
    const customers: Customer[] = [];
    for (let i = 0; i < 40; i += 1) customers.push(await cartWithCode(variantId, code));

    const responses = await Promise.all(customers.map((customer) => shop.checkout(customer)));

    const placed = responses.filter((response) => response.status === 201);
    const refused = responses.filter((response) => response.status !== 201);
    expect(placed).toHaveLength(5);
    expect(refused).toHaveLength(35);
    for (const response of placed) {
      expect(response.body).toMatchObject({ subtotal: usd(1000), discountTotal: usd(100) });
      expect(response.body.discounts).toEqual([
        { promotionId: promotion.id, code, name: promotion.name, kind: 'percentage', amount: usd(100) },
      ]);
    }
    for (const response of refused) {
      expectProblem(response, 409, 'PROMOTION_INVALID');
      expect(response.body.reason).toBe('exhausted');
    }
    expect(await shop.stock(variantId)).toEqual({ onHand: 100, reserved: 5, available: 95 });
    const [{ orders }] = await t.sql<{ orders: number }>(
      `SELECT count(DISTINCT order_id)::int AS orders FROM order_lines WHERE variant_id = $1`,
      [variantId],
    );
    expect(orders).toBe(5);
    expect(await timesUsed(promotion.id)).toBe(5);
    const redemptions = await t.sql(`SELECT 1 FROM promotion_redemptions WHERE promotion_id = $1 AND released_at IS NULL`, [promotion.id]);
    expect(redemptions).toHaveLength(5);
    // The refused customers keep their carts, now showing why the code no longer applies.
    const cart = (await t.http.get('/api/v1/cart', { token: customers[responses.indexOf(refused[0])].token })).body;
    expect(cart).toMatchObject({ promotionCode: code, promotionCodeInvalid: 'exhausted', discountTotal: usd(0) });
    expect((await t.http.get('/metrics')).text).toContain(`promotion_redemptions_total{promotion="${promotion.id}"} 5`);
  });

  it('takes each use in one conditional statement: 12 redemptions at once, priced before any, against a limit of 3 → exactly 3', async () => {
    const promotion = await promos.created({ code: promos.code('RACE'), kind: 'percentage', value: 1000, usageLimit: 3 });
    const redemptions = t.app.get(PromotionRedemptions, { strict: false });
    const txHost = t.app.get(TransactionHost, { strict: false });
    // Every attempt was priced while the promotion still held: only the statement can refuse.
    const priced = { promotionCodeInvalid: null, breakdown: { discounts: [{ promotionId: promotion.id }] } } as unknown as PricedOrder;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => txHost.withTransaction(() => redemptions.redeem(priced, `RACE-${i}`, `customer-${i}`))),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(3);
    for (const outcome of outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')) {
      expect(outcome.reason).toMatchObject({ code: 'PROMOTION_INVALID', reason: 'exhausted', status: 409 });
    }
    expect(await timesUsed(promotion.id)).toBe(3);
    expect(await t.sql(`SELECT 1 FROM promotion_redemptions WHERE promotion_id = $1`, [promotion.id])).toHaveLength(3);
  });

  it('takes a customer’s uses in one conditional upsert: 6 redemptions at once by one customer against a limit of 2 → exactly 2', async () => {
    const promotion = await promos.created({ code: promos.code('MINE'), kind: 'percentage', value: 1000, usageLimitPerCustomer: 2 });
    const redemptions = t.app.get(PromotionRedemptions, { strict: false });
    const txHost = t.app.get(TransactionHost, { strict: false });
    const priced = { promotionCodeInvalid: null, breakdown: { discounts: [{ promotionId: promotion.id }] } } as unknown as PricedOrder;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => txHost.withTransaction(() => redemptions.redeem(priced, `MINE-${i}`, 'one-customer'))),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(2);
    for (const outcome of outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')) {
      expect(outcome.reason).toMatchObject({ code: 'PROMOTION_INVALID', reason: 'already_used', status: 409 });
    }
    expect(await timesUsed(promotion.id)).toBe(2);
  });

  it('answers PROMOTION_INVALID rather than PRICE_CHANGED when the code stopped holding since the preview', async () => {
    const code = promos.code('GONE');
    const promotion = await promos.created({
      code,
      kind: 'percentage',
      value: 1000,
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const { variantId } = await promos.product(1000, { stock: 3 });
    const customer = await cartWithCode(variantId, code);
    const preview = (await t.http.put('/api/v1/cart/destination', { country: 'GB' }, { token: customer.token })).body;
    expect(preview.estimate.total).toEqual(usd(900 + 499));

    await t.sql(`UPDATE promotions SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [
      promotion.id,
    ]);
    const refused = await shop.checkout(customer, randomUUID(), { shippingAddress: ADDRESS, expectedTotal: preview.estimate.total });
    expectProblem(refused, 409, 'PROMOTION_INVALID');
    expect(refused.body.reason).toBe('expired');
    expect(await shop.stock(variantId)).toMatchObject({ reserved: 0 });
    expect(await timesUsed(promotion.id)).toBe(0);
  });

  it('holds the per-customer limit: a customer who used the code cannot apply it again, another can', async () => {
    const code = promos.code('ONEEACH');
    const promotion = await promos.created({ code, kind: 'fixed_amount', value: usd(200), usageLimitPerCustomer: 1 });
    const { variantId } = await promos.product(1000);
    const customer = await cartWithCode(variantId, code);
    expect((await shop.checkout(customer)).status).toBe(201);

    await shop.addToCart(customer, variantId, 1);
    const again = await promos.apply(customer, code);
    expectProblem(again, 422, 'PROMOTION_INVALID');
    expect(again.body.reason).toBe('already_used');
    const other = await cartWithCode(variantId, code);
    expect((await shop.checkout(other)).status).toBe(201);
    expect(await timesUsed(promotion.id)).toBe(2);
    const uses = await t.sql<{ uses: number }>(`SELECT uses FROM promotion_customer_uses WHERE promotion_id = $1 ORDER BY customer_ref`, [
      promotion.id,
    ]);
    expect(uses.map((row) => row.uses)).toEqual([1, 1]);
  });

  it('counts a guest’s uses by e-mail: the same address (in any case) is refused already_used, another places its order', async () => {
    const code = promos.code('GUEST');
    const promotion = await promos.created({ code, kind: 'percentage', value: 1000, usageLimitPerCustomer: 1 });
    const { variantId } = await promos.product(1000);
    const guestCheckout = async (email: string) => {
      const cart = (await t.http.post('/api/v1/carts')).body as { id: string; token: string };
      const headers = { 'X-Cart-Token': cart.token };
      expect((await t.http.post(`/api/v1/carts/${cart.id}/items`, { variantId, quantity: 1 }, { headers })).status).toBe(200);
      expect((await t.http.post(`/api/v1/carts/${cart.id}/promotion-code`, { code }, { headers })).status).toBe(200);
      return t.http.post(
        `/api/v1/carts/${cart.id}/checkout`,
        { email, shippingAddress: ADDRESS },
        { headers: { ...headers, 'Idempotency-Key': randomUUID() } },
      );
    };
    const email = `promo-guest-${randomUUID().slice(0, 8)}@example.com`;
    const first = await guestCheckout(email);
    expect(first.status).toBe(201);
    expect(first.body.discountTotal).toEqual(usd(100));
    const again = await guestCheckout(email.toUpperCase());
    expectProblem(again, 409, 'PROMOTION_INVALID');
    expect(again.body.reason).toBe('already_used');
    expect((await guestCheckout(`other-${email}`)).status).toBe(201);
    expect(await timesUsed(promotion.id)).toBe(2);
  });

  it('gives the use back when the order is cancelled, once', async () => {
    const code = promos.code('CANCEL');
    const promotion = await promos.created({ code, kind: 'percentage', value: 1000, usageLimit: 1, usageLimitPerCustomer: 1 });
    const { variantId } = await promos.product(1000);
    const first = await cartWithCode(variantId, code);
    const order = (await shop.checkout(first)).body;
    expect(await timesUsed(promotion.id)).toBe(1);
    const other = shop.customer();
    await shop.addToCart(other, variantId, 1);
    expect((await promos.apply(other, code)).body.reason).toBe('exhausted');

    const cancel = () => t.http.post(`/api/v1/orders/${order.id}/cancel`, undefined, { token: first.token });
    expect((await cancel()).status).toBe(200);
    expectProblem(await cancel(), 409, 'INVALID_ORDER_TRANSITION');
    expect(await timesUsed(promotion.id)).toBe(0);
    const [redemption] = await t.sql<{ released_at: Date | null }>(`SELECT released_at FROM promotion_redemptions WHERE order_ref = $1`, [
      order.number,
    ]);
    expect(redemption.released_at).not.toBeNull();

    // The cancelled order keeps its snapshot; the code is free again, for the first customer too.
    expect((await t.http.get(`/api/v1/orders/${order.id}`, { token: first.token })).body.discountTotal).toEqual(usd(100));
    expect((await promos.apply(other, code)).status).toBe(200);
    expect((await shop.checkout(other)).status).toBe(201);
    expect(await timesUsed(promotion.id)).toBe(1);
  });

  it('gives the use back when an unpaid order expires', async () => {
    const code = promos.code('EXPIRE');
    const promotion = await promos.created({ code, kind: 'percentage', value: 1000, usageLimit: 1 });
    const { variantId } = await promos.product(1000);
    const customer = await cartWithCode(variantId, code);
    const order = (await shop.checkout(customer)).body;
    expect(await timesUsed(promotion.id)).toBe(1);

    await t.sql(`UPDATE orders SET payment_due_at = now() - interval '1 second' WHERE id = $1`, [order.id]);
    const sweep = t.app.get(ExpireUnpaidOrders);
    await sweep.execute();
    expect((await shop.adminOrder(order.id)).status).toBe('cancelled');
    expect(await timesUsed(promotion.id)).toBe(0);
    await sweep.execute();
    expect(await timesUsed(promotion.id)).toBe(0);
  });

  it('changing or deactivating the promotion leaves a placed order’s discounts as they were', async () => {
    const code = promos.code('SNAP');
    const promotion = await promos.created({ name: 'Snapshot 15 %', code, kind: 'percentage', value: 1500 });
    const { variantId } = await promos.product(2000);
    const customer = await cartWithCode(variantId, code, 2);
    const placed = (await shop.checkout(customer)).body;
    expect(placed).toMatchObject({ subtotal: usd(4000), discountTotal: usd(600) });
    expect(placed.lines[0].discountAmount).toEqual(usd(600));

    expect((await promos.patch(promotion.id, { name: 'Renamed', value: 5000, code: promos.code('NEW') })).status).toBe(200);
    expect((await t.http.delete(`/api/v1/admin/promotions/${promotion.id}`, { token: shop.admin })).status).toBe(204);

    const read = (await t.http.get(`/api/v1/orders/${placed.id}`, { token: customer.token })).body;
    expect(read.discounts).toEqual(placed.discounts);
    expect(read.discounts[0]).toMatchObject({ name: 'Snapshot 15 %', code, amount: usd(600) });
    expect(read.lines).toEqual(placed.lines);
    expect(read.total).toEqual(placed.total);
  });

  it('places the order the preview showed, line by line and in total, with a code, an automatic promotion and tax', async () => {
    for (const body of [
      { country: 'US', rate: 0, name: 'No federal sales tax' },
      { country: 'US', region: 'CA', rate: 725, name: 'California sales tax' },
    ]) {
      expect((await t.http.post('/api/v1/admin/tax-rates', body, { token: shop.admin })).status).toBe(201);
    }
    const category = await promos.category('Preview');
    const scoped = await promos.product(1333, { categoryId: category });
    const plain = await promos.product(2999);
    const automatic = await promos.created({ name: 'Preview 7 %', kind: 'percentage', value: 700, appliesTo: { categoryIds: [category] } });
    const code = promos.code('PREVIEW');
    await promos.created({ code, kind: 'fixed_amount', value: usd(777) });
    try {
      const customer = shop.customer();
      await shop.addToCart(customer, scoped.variantId, 3);
      await shop.addToCart(customer, plain.variantId, 2);
      await promos.apply(customer, code);
      const preview = (await t.http.put('/api/v1/cart/destination', { country: 'US', region: 'CA' }, { token: customer.token })).body;
      expect(preview.discounts.map((discount: any) => discount.kind)).toEqual(['percentage', 'fixed_amount']);

      const placed = await shop.checkout(customer, randomUUID(), { shippingAddress: US_CA, expectedTotal: preview.estimate.total });
      expect(placed.status).toBe(201);
      const order = placed.body;
      expect(order.subtotal).toEqual(preview.subtotal);
      expect(order.discountTotal).toEqual(preview.discountTotal);
      expect(order.discounts).toEqual(preview.discounts);
      expect(order.shippingFee).toEqual(preview.estimate.shippingFee);
      expect(order.taxTotal).toEqual(preview.estimate.taxTotal);
      expect(order.total).toEqual(preview.estimate.total);
      const byVariant = new Map(order.lines.map((line: any) => [line.variantId, line]));
      for (const item of preview.items) {
        expect(byVariant.get(item.variantId)).toMatchObject({ lineTotal: item.lineTotal, discountAmount: item.discountAmount });
      }
      const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
      expect(sum(order.lines.map((line: any) => line.discountAmount.amount))).toBe(order.discountTotal.amount);
      expect(order.total.amount).toBe(
        order.subtotal.amount - order.discountTotal.amount + order.shippingFee.amount + order.taxTotal.amount,
      );
    } finally {
      await t.http.delete(`/api/v1/admin/promotions/${automatic.id}`, { token: shop.admin });
    }
  });
});

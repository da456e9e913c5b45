import { randomUUID } from 'node:crypto';
import { Promotions, usd } from './support/promotions';
import { ADDRESS, Customer, Shop } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Pricing rules (promotions, shipping methods, tax rates) are kept in each instance's memory and
 * dropped when a rule changes: at once on the instance that changed it, on the others through the
 * cluster notification; a limited promotion's use count drops them too, so an exhausted promotion
 * stops showing as soon as its last use is taken.
 */
describe('pricing rules cache', () => {
  let a: TestApp;
  let b: TestApp;
  let shopA: Shop;
  let shopB: Shop;
  let promos: Promotions;

  beforeAll(async () => {
    a = await startTestApp({ SHIPPING_FEE_MINOR: '500' });
    b = await startTestApp({ SHIPPING_FEE_MINOR: '500' }, { sameDatabaseAs: a });
    shopA = new Shop(a);
    shopB = new Shop(b);
    promos = new Promotions(shopA);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** A customer's cart of one unit at 1000 ¢ shipping to `country`, as `t` prices it. */
  async function cartTo(shop: Shop, t: TestApp, variantId: string, country: string): Promise<Customer> {
    const customer = shop.customer();
    await shop.addToCart(customer, variantId, 1);
    const destination = await t.http.put('/api/v1/cart/destination', { country }, { token: customer.token });
    if (destination.status !== 200) throw new Error(`destination: ${destination.status} ${destination.text}`);
    return customer;
  }
  const taxOf = async (t: TestApp, customer: Customer): Promise<number> =>
    (await t.http.get('/api/v1/cart', { token: customer.token })).body.estimate.taxTotal.amount;

  it('serves a rule from memory, and an admin change on this instance applies to the next read', async () => {
    const { variantId } = await promos.product(1000);
    const rate = await a.http.post('/api/v1/admin/tax-rates', { country: 'NO', rate: 2500, name: 'MVA' }, { token: shopA.admin });
    expect(rate.status).toBe(201);
    const customer = await cartTo(shopA, a, variantId, 'NO');
    expect(await taxOf(a, customer)).toBe(375); // 25 % of 1000 + 500 shipping

    // Changed behind the application's back: the instance keeps the rate it read.
    await a.sql(`UPDATE tax_rates SET rate = 1000 WHERE id = $1`, [rate.body.id]);
    expect(await taxOf(a, customer)).toBe(375);

    // Through the admin API: dropped once the change commits.
    const patched = await a.http.patch(`/api/v1/admin/tax-rates/${rate.body.id}`, { rate: 1500 }, { token: shopA.admin });
    expect(patched.status).toBe(200);
    expect(await taxOf(a, customer)).toBe(225);
  });

  it('reaches another instance through the cluster notification', async () => {
    const { variantId } = await promos.product(1000);
    const rate = await a.http.post('/api/v1/admin/tax-rates', { country: 'IS', rate: 2400, name: 'VSK' }, { token: shopA.admin });
    const customer = await cartTo(shopB, b, variantId, 'IS');
    expect(await taxOf(b, customer)).toBe(360);

    const patched = await a.http.patch(`/api/v1/admin/tax-rates/${rate.body.id}`, { rate: 1100 }, { token: shopA.admin });
    expect(patched.status).toBe(200);
    while ((await taxOf(b, customer)) !== 165) await new Promise((resolve) => setTimeout(resolve, 50));
  });

  it('stops showing an automatic promotion once its last use is taken', async () => {
    // Automatic promotions apply to every cart of this database: this one only to this test's product.
    const { productId, variantId } = await promos.product(1000);
    const promotion = await promos.created({
      kind: 'fixed_amount',
      value: usd(100),
      usageLimit: 1,
      appliesTo: { productIds: [productId] },
    });
    const [first, second] = [shopA.customer(), shopA.customer()];
    for (const customer of [first, second]) await shopA.addToCart(customer, variantId, 1);
    const discountsOf = async (customer: Customer) =>
      ((await a.http.get('/api/v1/cart', { token: customer.token })).body.discounts as { promotionId: string }[]).map(
        (discount) => discount.promotionId,
      );
    expect(await discountsOf(second)).toEqual([promotion.id]);

    const placed = await shopA.checkout(first, randomUUID(), { shippingAddress: ADDRESS });
    expect(placed.status).toBe(201);
    expect((placed.body.discounts as { promotionId: string }[]).map((discount) => discount.promotionId)).toEqual([promotion.id]);
    expect(await discountsOf(second)).toEqual([]);
  });
});

import { seedDemoData } from '../apps/api/src/seed/demo-seed';
import { Promotions } from './support/promotions';
import { Shop } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';

/** The demo data brings a code to try and an automatic promotion on one category tree. */
describe('demo promotions', () => {
  let t: TestApp;
  let shop: Shop;

  beforeAll(async () => {
    t = await startTestApp();
    shop = new Shop(t);
    await seedDemoData(t.app, { products: 120, accounts: false, log: () => undefined });
  });
  afterAll(() => t?.close());

  it('takes 15 % off Sports & Outdoors (sub-categories included) by itself, and WELCOME10 with it (created first, so applied first)', async () => {
    const listed = await t.http.get('/api/v1/products?category=sports-outdoors&inStock=true&limit=1');
    expect(listed.status).toBe(200);
    const product = (await t.http.get(`/api/v1/products/${listed.body.data[0].id}`)).body;
    const variant = product.variants.find((v: { available: number }) => v.available > 0);
    const customer = shop.customer();
    await shop.addToCart(customer, variant.id, 1);

    const cart = (await t.http.get('/api/v1/cart', { token: customer.token })).body;
    expect(cart.discounts).toEqual([
      expect.objectContaining({ code: null, name: 'Outdoor week: 15 % off Sports & Outdoors', kind: 'percentage' }),
    ]);
    const price = variant.price.amount;
    expect(cart.discountTotal.amount).toBe(Math.floor((price * 1500) / 10_000 + 0.5));

    const applied = await new Promotions(shop).apply(customer, 'welcome10');
    expect(applied.status).toBe(200);
    expect(applied.body.promotionCode).toBe('WELCOME10');
    expect(applied.body.discounts.map((d: { code: string | null }) => d.code)).toEqual(['WELCOME10', null]);
  });
});

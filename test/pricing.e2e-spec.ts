import { Shop } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';

/** The cart preview and checkout price through the same function: what the shopper saw is what the order keeps. */
describe('one pricing function for the cart and checkout', () => {
  let t: TestApp;
  let shop: Shop;

  beforeAll(async () => {
    t = await startTestApp({ SHIPPING_FEE_MINOR: '731' });
    shop = new Shop(t);
  });
  afterAll(() => t?.close());

  it('a cart preview and the order placed from it agree line by line and in total', async () => {
    const prices = [1, 999, 1999, 12_345, 99_999_999];
    const quantities = [99, 3, 1, 7, 2];
    const variants = await Promise.all(prices.map((price) => shop.variant({ price, stock: 100 })));
    const customer = shop.customer();
    for (const [index, variantId] of variants.entries()) await shop.addToCart(customer, variantId, quantities[index]);

    const preview = (await t.http.get('/api/v1/cart', { token: customer.token })).body;
    const placed = await shop.checkout(customer);
    expect(placed.status).toBe(201);
    const order = placed.body;

    const byVariant = (lines: any[]) =>
      lines
        .map(({ variantId, unitPrice, quantity, lineTotal }) => ({ variantId, unitPrice, quantity, lineTotal }))
        .sort((a, b) => a.variantId.localeCompare(b.variantId));
    const seen = byVariant(preview.items);
    expect(byVariant(order.lines)).toEqual(seen);
    expect(seen).toHaveLength(prices.length);
    expect(order.subtotal).toEqual(preview.subtotal);
    expect(preview.subtotal.amount).toBe(prices.reduce((sum, price, index) => sum + price * quantities[index], 0));
    expect(order.shippingFee).toEqual({ amount: 731, currency: 'USD' });
    expect(order.total).toEqual({ amount: preview.subtotal.amount + 731, currency: 'USD' });
  });
});

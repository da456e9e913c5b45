import { randomUUID } from 'node:crypto';
import { ADDRESS, expectProblem, Shop } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const US_CA = { ...ADDRESS, country: 'US', region: 'CA', city: 'San Francisco', postalCode: '94103' };

/** The cart's estimate for a destination is what checkout charges; expectedTotal guards against changes in between. */
describe('cart estimate, expectedTotal and PRICE_CHANGED', () => {
  let t: TestApp;
  let shop: Shop;
  let californiaRate: string;

  beforeAll(async () => {
    t = await startTestApp({ SHIPPING_FEE_MINOR: '499' });
    shop = new Shop(t);
    const rates = [
      { country: 'US', rate: 0, name: 'No federal sales tax' },
      { country: 'US', region: 'CA', rate: 725, name: 'California sales tax' },
    ];
    for (const body of rates) {
      const created = await t.http.post('/api/v1/admin/tax-rates', body, { token: shop.admin });
      expect(created.status).toBe(201);
      if (body.region) californiaRate = created.body.id;
    }
  });
  afterAll(() => t?.close());

  const destination = (token: string, body: unknown) => t.http.put('/api/v1/cart/destination', body, { token });

  it('shows no estimate until the cart knows a destination, then the cheapest option with its tax', async () => {
    const customer = shop.customer();
    await shop.addToCart(customer, await shop.variant({ price: 1999, stock: 10 }), 3);
    const before = await t.http.get('/api/v1/cart', { token: customer.token });
    expect(before.body).toMatchObject({ shippingCountry: null, estimate: null, discounts: [], discountTotal: usd(0) });

    const set = await destination(customer.token, { country: 'US', region: 'CA' });
    expect(set.status).toBe(200);
    // 5997 × 7.25 % = 434.78 → 435; shipping 499 × 7.25 % = 36.18 → 36
    expect(set.body).toMatchObject({
      shippingCountry: 'US',
      shippingRegion: 'CA',
      subtotal: usd(5997),
      estimate: { shippingFee: usd(499), taxTotal: usd(471), total: usd(5997 + 499 + 471) },
    });
    expect((await t.http.get('/api/v1/cart', { token: customer.token })).body.estimate).toEqual(set.body.estimate);
  });

  it('places the order the preview showed: same lines, fee, tax and total', async () => {
    const customer = shop.customer();
    const prices = [1, 999, 12_345, 99_999_999];
    for (const [index, price] of prices.entries())
      await shop.addToCart(customer, await shop.variant({ price, stock: 100 }), [99, 3, 7, 2][index]);
    const preview = (await destination(customer.token, { country: 'US', region: 'CA' })).body;
    const placed = await shop.checkout(customer, randomUUID(), { shippingAddress: US_CA, expectedTotal: preview.estimate.total });
    expect(placed.status).toBe(201);
    expect(placed.body.subtotal).toEqual(preview.subtotal);
    expect(placed.body.discountTotal).toEqual(preview.discountTotal);
    expect(placed.body.shippingFee).toEqual(preview.estimate.shippingFee);
    expect(placed.body.taxTotal).toEqual(preview.estimate.taxTotal);
    expect(placed.body.total).toEqual(preview.estimate.total);
    const lineSum = placed.body.lines.reduce((sum: number, line: any) => sum + line.taxAmount.amount, 0);
    expect(placed.body.taxLines.reduce((sum: number, line: any) => sum + line.amount.amount, 0)).toBe(placed.body.taxTotal.amount);
    expect(lineSum).toBeLessThanOrEqual(placed.body.taxTotal.amount);
  });

  it('answers 409 PRICE_CHANGED with the new totals and reserves nothing when expectedTotal differs', async () => {
    const variantId = await shop.variant({ price: 2000, stock: 4 });
    const customer = shop.customer();
    await shop.addToCart(customer, variantId, 2);
    const preview = (await destination(customer.token, { country: 'US', region: 'CA' })).body;
    expect(preview.estimate.total).toEqual(usd(4000 + 499 + 290 + 36));

    // The rate changes between the preview and the checkout.
    expect((await t.http.patch(`/api/v1/admin/tax-rates/${californiaRate}`, { rate: 825 }, { token: shop.admin })).status).toBe(200);
    try {
      const refused = await shop.checkout(customer, randomUUID(), { shippingAddress: US_CA, expectedTotal: preview.estimate.total });
      expectProblem(refused, 409, 'PRICE_CHANGED');
      expect(refused.body.totals).toEqual({
        subtotal: usd(4000),
        discountTotal: usd(0),
        shippingFee: usd(499),
        taxTotal: usd(330 + 41),
        total: usd(4000 + 499 + 371),
      });
      expect(await shop.stock(variantId)).toMatchObject({ onHand: 4, reserved: 0, available: 4 });
      expect((await t.http.get('/api/v1/cart', { token: customer.token })).body.itemCount).toBe(2);

      const accepted = await shop.checkout(customer, randomUUID(), { shippingAddress: US_CA, expectedTotal: refused.body.totals.total });
      expect(accepted.status).toBe(201);
      expect(accepted.body.total).toEqual(refused.body.totals.total);
      expect(await shop.stock(variantId)).toMatchObject({ reserved: 2 });
    } finally {
      await t.http.patch(`/api/v1/admin/tax-rates/${californiaRate}`, { rate: 725 }, { token: shop.admin });
    }
  });

  it('refuses an expectedTotal in another currency with 400', async () => {
    const customer = shop.customer();
    await shop.addToCart(customer, await shop.variant({ price: 100, stock: 2 }), 1);
    const response = await shop.checkout(customer, randomUUID(), { shippingAddress: US_CA, expectedTotal: { amount: 1, currency: 'EUR' } });
    expectProblem(response, 400, 'VALIDATION_FAILED');
  });

  it('gives guest carts a destination and an estimate with their token (404 without)', async () => {
    const cart = await t.http.post('/api/v1/carts');
    const headers = { 'X-Cart-Token': cart.body.token };
    const variantId = await shop.variant({ price: 1000, stock: 3 });
    await t.http.post(`/api/v1/carts/${cart.body.id}/items`, { variantId, quantity: 1 }, { headers });
    const set = await t.http.put(`/api/v1/carts/${cart.body.id}/destination`, { country: 'US', region: 'ca' }, { headers });
    expect(set.status).toBe(200);
    expect(set.body.estimate).toEqual({ shippingFee: usd(499), taxTotal: usd(73 + 36), total: usd(1000 + 499 + 109) });
    expect((await t.http.put(`/api/v1/carts/${cart.body.id}/destination`, { country: 'US' })).status).toBe(404);
    expectProblem(await t.http.put(`/api/v1/carts/${cart.body.id}/destination`, { country: 'usa' }, { headers }), 400, 'VALIDATION_FAILED');
  });

  it('keeps the destination when the cart changes, and re-estimates', async () => {
    const customer = shop.customer();
    const variantId = await shop.variant({ price: 1000, stock: 10 });
    await shop.addToCart(customer, variantId, 1);
    await destination(customer.token, { country: 'US' });
    const added = await t.http.post('/api/v1/cart/items', { variantId, quantity: 1 }, { token: customer.token });
    expect(added.body).toMatchObject({ shippingCountry: 'US', shippingRegion: null, estimate: { taxTotal: usd(0), total: usd(2499) } });
  });

  it('reads orders from before shipping and tax as untaxed, with the flat fee they were charged and no method', async () => {
    const customer = shop.customer();
    const id = randomUUID();
    // An order row as the previous schema wrote it: none of the new columns.
    await t.sql(
      `INSERT INTO orders (id, number, customer_id, status, currency, subtotal_amount, shipping_fee_amount, total_amount, shipping_address, payment_due_at)
       VALUES ($1, 'CC-LEGACY-1', $2, 'pending_payment', 'USD', 1000, 499, 1499, $3, now() + interval '1 hour')`,
      [id, customer.userId, JSON.stringify(ADDRESS)],
    );
    const variantId = await shop.variant({ price: 1000, stock: 1 });
    await t.sql(
      `INSERT INTO order_lines (order_id, position, variant_id, product_id, sku, product_name, variant_name, unit_price_amount, quantity, line_total_amount)
       SELECT $1, 0, v.id, v.product_id, v.sku, 'Old', v.name, 1000, 1, 1000 FROM product_variants v WHERE v.id = $2`,
      [id, variantId],
    );
    const order = await t.http.get(`/api/v1/orders/${id}`, { token: customer.token });
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({
      subtotal: usd(1000),
      discountTotal: usd(0),
      shippingFee: usd(499),
      taxTotal: usd(0),
      total: usd(1499),
      discounts: [],
      taxLines: [],
      shippingMethod: null,
      pricesIncludeTax: false,
    });
    expect(order.body.lines[0]).toMatchObject({ discountAmount: usd(0), taxAmount: usd(0), taxRate: 0 });
  });
});

import { randomUUID } from 'node:crypto';
import { ADDRESS } from './support/shop';
import { tokenFor } from './support/auth';
import { startTestApp, TestApp } from './support/test-app';

/** One shopper's whole story over HTTP, with the stock numbers checked after every step. */
describe('journey: register → buy → pay → ship → deliver → refund', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('keeps order, payment and stock consistent from registration to refund', async () => {
    const admin = tokenFor(t, 'admin').token;
    const stock = async (variantId: string) => {
      const response = await t.http.get(`/api/v1/admin/inventory/${variantId}`, { token: admin });
      expect(response.status).toBe(200);
      return { onHand: response.body.onHand, reserved: response.body.reserved, available: response.body.available };
    };

    // A shopper registers.
    const registered = await t.http.post('/api/v1/auth/register', {
      email: `journey-${randomUUID().slice(0, 8)}@example.com`,
      password: 'a long enough password',
      name: 'Journey Shopper',
    });
    expect(registered.status).toBe(201);
    const shopper = registered.body.accessToken as string;
    const shopperId = registered.body.user.id as string;

    // The admin lists a product with two variants and puts stock on hand.
    const tag = randomUUID().slice(0, 8);
    const product = await t.http.post(
      '/api/v1/admin/products',
      {
        name: `Journey Tee ${tag}`,
        status: 'active',
        variants: [
          { sku: `JT-${tag}-M`, name: 'Medium', options: { size: 'M' }, price: { amount: 2000, currency: 'USD' } },
          { sku: `JT-${tag}-L`, name: 'Large', options: { size: 'L' }, price: { amount: 2500, currency: 'USD' } },
        ],
      },
      { token: admin },
    );
    expect(product.status).toBe(201);
    const variantBySku = new Map((product.body.variants as { id: string; sku: string }[]).map((v) => [v.sku, v.id]));
    const medium = variantBySku.get(`JT-${tag}-M`)!;
    const large = variantBySku.get(`JT-${tag}-L`)!;
    for (const [variantId, units] of [
      [medium, 10],
      [large, 5],
    ] as const) {
      const adjusted = await t.http.post(
        `/api/v1/admin/inventory/${variantId}/adjustments`,
        { delta: units, reason: 'goods in' },
        { token: admin },
      );
      expect(adjusted.status).toBe(200);
    }
    expect(await stock(medium)).toEqual({ onHand: 10, reserved: 0, available: 10 });

    // The shopper fills the cart: a cart reserves nothing.
    expect((await t.http.post('/api/v1/cart/items', { variantId: medium, quantity: 2 }, { token: shopper })).status).toBe(200);
    expect((await t.http.post('/api/v1/cart/items', { variantId: large, quantity: 1 }, { token: shopper })).status).toBe(200);
    expect(await stock(medium)).toEqual({ onHand: 10, reserved: 0, available: 10 });

    // Checkout reserves the units.
    const checkout = await t.http.post(
      '/api/v1/checkout',
      { shippingAddress: ADDRESS },
      { token: shopper, headers: { 'Idempotency-Key': randomUUID() } },
    );
    expect(checkout.status).toBe(201);
    const orderId = checkout.body.id as string;
    expect(checkout.body).toMatchObject({
      status: 'pending_payment',
      customerId: shopperId,
      total: { amount: 2 * 2000 + 2500 + 499, currency: 'USD' },
    });
    expect(await stock(medium)).toEqual({ onHand: 10, reserved: 2, available: 8 });
    expect(await stock(large)).toEqual({ onHand: 5, reserved: 1, available: 4 });

    // Payment: stock stays reserved.
    const payment = await t.http.post(
      `/api/v1/orders/${orderId}/payments`,
      { paymentToken: 'tok_visa' },
      { token: shopper, headers: { 'Idempotency-Key': randomUUID() } },
    );
    expect(payment.status).toBe(201);
    expect(payment.body).toMatchObject({ status: 'succeeded', amount: checkout.body.total });
    expect(await stock(medium)).toEqual({ onHand: 10, reserved: 2, available: 8 });

    // Fulfilment: the units leave the building.
    const fulfilled = await t.http.post(
      `/api/v1/admin/orders/${orderId}/fulfil`,
      { carrier: 'UPS', trackingNumber: '1Z999AA1' },
      { token: admin },
    );
    expect(fulfilled.status).toBe(200);
    expect(await stock(medium)).toEqual({ onHand: 8, reserved: 0, available: 8 });
    expect(await stock(large)).toEqual({ onHand: 4, reserved: 0, available: 4 });

    // Delivery changes no stock.
    const delivered = await t.http.post(`/api/v1/admin/orders/${orderId}/deliver`, undefined, { token: admin });
    expect(delivered.status).toBe(200);
    expect(await stock(medium)).toEqual({ onHand: 8, reserved: 0, available: 8 });

    // A refund with restock puts the returned units back on hand.
    const refunded = await t.http.post(
      `/api/v1/admin/orders/${orderId}/refund`,
      { reason: 'returned unworn', restock: true },
      { token: admin },
    );
    expect(refunded.status).toBe(200);
    expect(await stock(medium)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    expect(await stock(large)).toEqual({ onHand: 5, reserved: 0, available: 5 });

    // The shopper sees the whole story.
    const mine = await t.http.get(`/api/v1/orders/${orderId}`, { token: shopper });
    expect(mine.status).toBe(200);
    expect(mine.body.status).toBe('refunded');
    expect(mine.body.payments.map((p: { status: string }) => p.status)).toEqual(['refunded']);
    expect(mine.body.history.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([
      [null, 'pending_payment'],
      ['pending_payment', 'paid'],
      ['paid', 'fulfilled'],
      ['fulfilled', 'delivered'],
      ['delivered', 'refunded'],
    ]);
    const list = await t.http.get('/api/v1/orders', { token: shopper });
    expect(list.body.data).toEqual([expect.objectContaining({ id: orderId, status: 'refunded' })]);

    // The movement ledger of each variant still sums to its onHand.
    for (const variantId of [medium, large]) {
      const movements = await t.http.get(`/api/v1/admin/inventory/${variantId}/movements?limit=100`, { token: admin });
      expect(movements.status).toBe(200);
      const sum = (movements.body.data as { delta: number }[]).reduce((total, m) => total + m.delta, 0);
      expect(sum).toBe((await stock(variantId)).onHand);
    }
  });
});

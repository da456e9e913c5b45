import { randomUUID } from 'node:crypto';
import { ExpireUnpaidOrders } from '@congocart/ordering';
import { expectProblem, Shop } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';

describe('orders: lifecycle and stock', () => {
  let t: TestApp;
  let shop: Shop;

  beforeAll(async () => {
    t = await startTestApp();
    shop = new Shop(t);
  });
  afterAll(() => t?.close());

  const cancel = (token: string, orderId: string) => t.http.post(`/api/v1/orders/${orderId}/cancel`, undefined, { token });
  const fulfil = (orderId: string, token = shop.staff) =>
    shop.adminPost(`/${orderId}/fulfil`, { carrier: 'UPS', trackingNumber: '1Z999' }, token);
  const deliver = (orderId: string, token = shop.staff) => shop.adminPost(`/${orderId}/deliver`, undefined, token);
  const refund = (orderId: string, body?: unknown, token = shop.admin) => shop.adminPost(`/${orderId}/refund`, body, token);

  it('a customer cancels an unpaid order: the reservation is released and the change recorded', async () => {
    const { customer, order, variantId } = await shop.pendingOrder({ quantity: 3 });
    expect((await shop.stock(variantId)).reserved).toBe(3);

    const response = await cancel(customer.token, order.id);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: order.id, status: 'cancelled', version: 2, payments: [] });
    expect(response.body.history.map((h: any) => [h.from, h.to, h.actor, h.reason])).toEqual([
      [null, 'pending_payment', customer.userId, null],
      ['pending_payment', 'cancelled', customer.userId, 'cancelled by the customer'],
    ]);
    expect(await shop.stock(variantId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
  });

  it('a customer cancels a paid order: the payment is refunded and the reservation released', async () => {
    const { customer, order, variantId, payment } = await shop.paidOrder({ quantity: 2 });

    const response = await cancel(customer.token, order.id);

    expect(response.status).toBe(200);
    expect(response.body.status).toBe('cancelled');
    expect(response.body.payments).toEqual([{ ...payment, status: 'refunded' }]);
    expect(response.body.history.map((h: any) => h.to)).toEqual(['pending_payment', 'paid', 'cancelled']);
    expect(await shop.stock(variantId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
  });

  it('fulfil commits the stock, deliver records delivery, refund with restock puts the units back', async () => {
    const { order, variantId } = await shop.paidOrder({ quantity: 2 });

    const fulfilled = await fulfil(order.id);
    expect(fulfilled.status).toBe(200);
    expect(fulfilled.body).toMatchObject({ status: 'fulfilled', shipment: { carrier: 'UPS', trackingNumber: '1Z999' } });
    expect(await shop.stock(variantId)).toEqual({ onHand: 8, reserved: 0, available: 8 });

    const delivered = await deliver(order.id);
    expect(delivered.status).toBe(200);
    expect(delivered.body.status).toBe('delivered');

    const refunded = await refund(order.id, { reason: 'arrived damaged', restock: true });
    expect(refunded.status).toBe(200);
    expect(refunded.body.status).toBe('refunded');
    expect(refunded.body.payments.map((p: any) => p.status)).toEqual(['refunded']);
    expect(refunded.body.history.at(-1)).toMatchObject({ from: 'delivered', to: 'refunded', reason: 'arrived damaged' });
    expect(await shop.stock(variantId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
  });

  it('a refund without restock (no body at all) leaves stock alone', async () => {
    const { order, variantId } = await shop.paidOrder({ quantity: 1 });
    expect((await fulfil(order.id)).status).toBe(200);
    expect((await deliver(order.id)).status).toBe(200);
    const refunded = await refund(order.id);
    expect(refunded.status).toBe(200);
    expect(refunded.body.status).toBe('refunded');
    expect(await shop.stock(variantId)).toEqual({ onHand: 9, reserved: 0, available: 9 });
  });

  it('a staff refund of a paid, unshipped order cancels it with a refund and releases the reservation', async () => {
    const { order, variantId } = await shop.paidOrder({ quantity: 2 });
    const response = await refund(order.id, { reason: 'out of our hands', restock: true });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('cancelled');
    expect(response.body.payments[0].status).toBe('refunded');
    expect(response.body.history.at(-1)).toMatchObject({ from: 'paid', to: 'cancelled', reason: 'out of our hands' });
    expect(await shop.stock(variantId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
  });

  it('refuses every forbidden transition with 409 INVALID_ORDER_TRANSITION and changes nothing', async () => {
    const pending = await shop.pendingOrder();
    const paid = await shop.paidOrder();
    const fulfilled = await shop.paidOrder();
    expect((await fulfil(fulfilled.order.id)).status).toBe(200);
    const delivered = await shop.paidOrder();
    expect((await fulfil(delivered.order.id)).status).toBe(200);
    expect((await deliver(delivered.order.id)).status).toBe(200);
    const cancelled = await shop.pendingOrder();
    expect((await cancel(cancelled.customer.token, cancelled.order.id)).status).toBe(200);
    const refunded = await shop.paidOrder();
    expect((await fulfil(refunded.order.id)).status).toBe(200);
    expect((await deliver(refunded.order.id)).status).toBe(200);
    expect((await refund(refunded.order.id)).status).toBe(200);

    const forbidden: [
      string,
      { customer: { token: string }; order: { id: string } },
      (o: { customer: { token: string }; order: { id: string } }) => ReturnType<typeof cancel>,
    ][] = [
      ['fulfil pending_payment', pending, (o) => fulfil(o.order.id)],
      ['deliver pending_payment', pending, (o) => deliver(o.order.id)],
      ['refund pending_payment', pending, (o) => refund(o.order.id)],
      ['pay paid', paid, (o) => shop.pay(o.customer as any, o.order.id)],
      ['deliver paid', paid, (o) => deliver(o.order.id)],
      ['cancel fulfilled', fulfilled, (o) => cancel(o.customer.token, o.order.id)],
      ['fulfil fulfilled', fulfilled, (o) => fulfil(o.order.id)],
      ['refund fulfilled', fulfilled, (o) => refund(o.order.id)],
      ['pay fulfilled', fulfilled, (o) => shop.pay(o.customer as any, o.order.id)],
      ['cancel delivered', delivered, (o) => cancel(o.customer.token, o.order.id)],
      ['fulfil delivered', delivered, (o) => fulfil(o.order.id)],
      ['deliver delivered', delivered, (o) => deliver(o.order.id)],
      ['cancel cancelled', cancelled, (o) => cancel(o.customer.token, o.order.id)],
      ['pay cancelled', cancelled, (o) => shop.pay(o.customer as any, o.order.id)],
      ['fulfil cancelled', cancelled, (o) => fulfil(o.order.id)],
      ['deliver cancelled', cancelled, (o) => deliver(o.order.id)],
      ['refund cancelled', cancelled, (o) => refund(o.order.id)],
      ['cancel refunded', refunded, (o) => cancel(o.customer.token, o.order.id)],
      ['pay refunded', refunded, (o) => shop.pay(o.customer as any, o.order.id)],
      ['fulfil refunded', refunded, (o) => fulfil(o.order.id)],
      ['deliver refunded', refunded, (o) => deliver(o.order.id)],
      ['refund refunded', refunded, (o) => refund(o.order.id)],
    ];
    for (const [name, target, attempt] of forbidden) {
      const before = await shop.adminOrder(target.order.id);
      const response = await attempt(target);
      // The name is part of the comparison so that a failure says which transition slipped through.
      expect({ name, status: response.status, code: response.body?.code }).toEqual({ name, status: 409, code: 'INVALID_ORDER_TRANSITION' });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await shop.adminOrder(target.order.id)).toEqual(before);
    }
  });

  it('lets exactly one of 10 concurrent cancellations win and releases the stock once', async () => {
    const { customer, order, variantId } = await shop.pendingOrder({ quantity: 4 });
    const responses = await Promise.all(Array.from({ length: 10 }, () => cancel(customer.token, order.id)));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    for (const response of responses.filter((r) => r.status !== 200)) expectProblem(response, 409, 'INVALID_ORDER_TRANSITION');
    expect(await shop.stock(variantId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    const history = (await shop.adminOrder(order.id)).history;
    expect(history.filter((h: any) => h.to === 'cancelled')).toHaveLength(1);
  });

  it('keeps other customers’ orders out of reach (404) and customers off staff routes (403)', async () => {
    const { order } = await shop.pendingOrder();
    const stranger = shop.customer();
    expectProblem(await t.http.get(`/api/v1/orders/${order.id}`, { token: stranger.token }), 404, 'NOT_FOUND');
    expectProblem(await cancel(stranger.token, order.id), 404, 'NOT_FOUND');
    expectProblem(await shop.pay(stranger, order.id), 404, 'NOT_FOUND');
    expectProblem(await t.http.get(`/api/v1/orders/${randomUUID()}`, { token: stranger.token }), 404, 'NOT_FOUND');
    expectProblem(await t.http.get('/api/v1/orders/not-a-uuid', { token: stranger.token }), 404, 'NOT_FOUND');

    for (const path of [`/${order.id}/fulfil`, `/${order.id}/deliver`, `/${order.id}/refund`]) {
      expectProblem(await shop.adminPost(path, { carrier: 'UPS', trackingNumber: '1' }, stranger.token), 403, 'FORBIDDEN');
    }
    expectProblem(await t.http.get('/api/v1/admin/orders', { token: stranger.token }), 403, 'FORBIDDEN');
    expectProblem(await t.http.get(`/api/v1/admin/orders/${order.id}`, { token: stranger.token }), 403, 'FORBIDDEN');
    // Staff and admins handle orders but do not shop.
    expectProblem(await t.http.get('/api/v1/orders', { token: shop.staff }), 403, 'FORBIDDEN');
    expectProblem(
      await t.http.post('/api/v1/checkout', {}, { token: shop.admin, headers: { 'Idempotency-Key': randomUUID() } }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await t.http.get('/api/v1/orders'), 401, 'UNAUTHORIZED');
    expectProblem(await shop.adminPost(`/${randomUUID()}/deliver`, undefined), 404, 'NOT_FOUND');
  });

  it('validates staff bodies: fulfil needs carrier and tracking number; refund fields are typed', async () => {
    const { order } = await shop.paidOrder();
    expectProblem(await shop.adminPost(`/${order.id}/fulfil`, { carrier: 'UPS' }), 400, 'VALIDATION_FAILED');
    expectProblem(await shop.adminPost(`/${order.id}/fulfil`, { carrier: '', trackingNumber: '1' }), 400, 'VALIDATION_FAILED');
    expectProblem(await shop.adminPost(`/${order.id}/refund`, { restock: 'true' }), 400, 'VALIDATION_FAILED');
    expectProblem(await shop.adminPost(`/${order.id}/refund`, { reason: 'x', extra: 1 }), 400, 'VALIDATION_FAILED');
    expect((await shop.adminOrder(order.id)).status).toBe('paid');
  });

  it('expires unpaid orders past their payment window: cancelled by system, stock released', async () => {
    const expiring = await shop.pendingOrder({ quantity: 3 });
    const paid = await shop.paidOrder({ quantity: 1 });
    const fresh = await shop.pendingOrder({ quantity: 1 });
    const sweep = t.app.get(ExpireUnpaidOrders);
    expect(await sweep.execute({ asOf: new Date(Date.now() - 60_000) })).toBe(0);
    // Move two orders' windows into the past: the one we expect to expire and the paid one (never expires).
    await t.sql(`UPDATE orders SET payment_due_at = now() - interval '1 second' WHERE id = ANY($1)`, [[expiring.order.id, paid.order.id]]);

    const [first, second] = await Promise.all([sweep.execute(), sweep.execute()]);

    expect(first + second).toBe(1);
    const expired = await shop.adminOrder(expiring.order.id);
    expect(expired.status).toBe('cancelled');
    expect(expired.history.at(-1)).toMatchObject({
      from: 'pending_payment',
      to: 'cancelled',
      actor: 'system',
      reason: 'payment window expired',
    });
    expect(await shop.stock(expiring.variantId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    expect((await shop.adminOrder(paid.order.id)).status).toBe('paid');
    expect((await shop.adminOrder(fresh.order.id)).status).toBe('pending_payment');
    expect((await shop.stock(fresh.variantId)).reserved).toBe(1);
    expectProblem(await shop.pay(expiring.customer, expiring.order.id), 409, 'INVALID_ORDER_TRANSITION');
  });
});

describe('orders: lists', () => {
  let t: TestApp;
  let shop: Shop;

  beforeAll(async () => {
    t = await startTestApp();
    shop = new Shop(t);
  });
  afterAll(() => t?.close());

  const list = (token: string, query = '') => t.http.get(`/api/v1/orders${query}`, { token });
  const adminList = (query = '') => t.http.get(`/api/v1/admin/orders${query}`, { token: shop.staff });

  async function ordersOf(count: number) {
    const variantId = await shop.variant({ stock: 100 });
    const customer = shop.customer();
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      await shop.addToCart(customer, variantId, 1);
      const response = await shop.checkout(customer);
      expect(response.status).toBe(201);
      ids.push(response.body.id);
    }
    return { customer, ids };
  }

  it('lists a customer’s own orders newest first, page by page, never skipping or repeating', async () => {
    const { customer, ids } = await ordersOf(5);
    await ordersOf(2); // someone else's
    const seen: any[] = [];
    let cursor: string | null = null;
    do {
      const response = await list(customer.token, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      expect(response.body.page.limit).toBe(2);
      seen.push(...response.body.data);
      cursor = response.body.page.nextCursor;
    } while (cursor);
    expect(seen.map((row) => row.id)).toEqual([...ids].reverse());
    expect(seen[0]).toEqual({
      id: ids[4],
      number: expect.stringMatching(/^CC-/),
      status: 'pending_payment',
      customerId: customer.userId,
      total: { amount: 1499, currency: 'USD' },
      createdAt: expect.any(String),
    });
  });

  it('filters by status and refuses a cursor from another filter or an unknown status', async () => {
    const { customer, ids } = await ordersOf(3);
    expect((await t.http.post(`/api/v1/orders/${ids[1]}/cancel`, undefined, { token: customer.token })).status).toBe(200);
    const cancelled = await list(customer.token, '?status=cancelled');
    expect(cancelled.body.data.map((row: any) => row.id)).toEqual([ids[1]]);
    const firstPage = await list(customer.token, '?limit=1');
    expectProblem(await list(customer.token, `?limit=1&status=cancelled&cursor=${firstPage.body.page.nextCursor}`), 400, 'INVALID_CURSOR');
    expectProblem(await list(customer.token, '?status=lost'), 400, 'VALIDATION_FAILED');
    expectProblem(await list(customer.token, '?limit=0'), 400, 'VALIDATION_FAILED');
    expectProblem(await list(customer.token, '?cursor=bm9wZQ'), 400, 'INVALID_CURSOR');
  });

  it('gives staff every order, filtered by status, customer and creation time', async () => {
    const one = await ordersOf(2);
    const two = await ordersOf(1);
    const all = await adminList('?limit=100');
    expect(all.status).toBe(200);
    for (const id of [...one.ids, ...two.ids]) expect(all.body.data.map((row: any) => row.id)).toContain(id);

    const mine = await adminList(`?customerId=${one.customer.userId}`);
    expect(mine.body.data.map((row: any) => row.id)).toEqual([...one.ids].reverse());

    const first = await shop.adminOrder(one.ids[0]);
    const second = await shop.adminOrder(one.ids[1]);
    const from = encodeURIComponent(second.createdAt);
    const to = encodeURIComponent(new Date(Date.parse(second.createdAt) + 1).toISOString());
    const window = await adminList(`?customerId=${one.customer.userId}&from=${from}&to=${to}`);
    expect(window.body.data.map((row: any) => row.id)).toEqual([second.id]);
    const before = await adminList(`?customerId=${one.customer.userId}&to=${from}`);
    expect(before.body.data.map((row: any) => row.id)).toEqual([first.id]);

    expect((await adminList('?status=pending_payment&limit=100')).body.data.every((row: any) => row.status === 'pending_payment')).toBe(
      true,
    );
    expectProblem(await adminList('?from=yesterday'), 400, 'VALIDATION_FAILED');
    expectProblem(await adminList('?to=2026-13-01T00:00:00Z'), 400, 'VALIDATION_FAILED');
    expectProblem(await adminList('?customerId=abc'), 400, 'VALIDATION_FAILED');
    expectProblem(await adminList(`?from=${to}&to=${from}`), 400, 'VALIDATION_FAILED');
  });

  it('shows staff the full order with history and payments', async () => {
    const { order, payment } = await shop.paidOrder();
    const detail = await shop.adminOrder(order.id);
    expect(detail).toMatchObject({ id: order.id, status: 'paid', payments: [payment] });
    expect(detail.history.map((h: any) => h.to)).toEqual(['pending_payment', 'paid']);
  });
});

describe('orders: configured payment window and shipping fee', () => {
  let t: TestApp;
  let shop: Shop;

  beforeAll(async () => {
    t = await startTestApp({ ORDER_PAYMENT_TTL_SECONDS: '1', SHIPPING_FEE_MINOR: '0' });
    shop = new Shop(t);
  });
  afterAll(() => t?.close());

  it('expires an order once ORDER_PAYMENT_TTL_SECONDS have passed, and charges SHIPPING_FEE_MINOR', async () => {
    const { order, variantId } = await shop.pendingOrder({ quantity: 2, price: 700 });
    expect(order.shippingFee).toEqual({ amount: 0, currency: 'USD' });
    expect(order.total).toEqual({ amount: 1400, currency: 'USD' });
    expect(Date.parse(order.paymentDueAt) - Date.parse(order.createdAt)).toBe(1000);
    await new Promise((resolve) => setTimeout(resolve, 1100));

    expect(await t.app.get(ExpireUnpaidOrders).execute()).toBe(1);

    expect((await shop.adminOrder(order.id)).status).toBe('cancelled');
    expect(await shop.stock(variantId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
  });
});

import { randomUUID } from 'node:crypto';
import { ExpireUnpaidOrders } from '@congocart/ordering';
import { expectProblem, Shop, WEBHOOK_SECRET, webhookEvent } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';

describe('payments: paying an order', () => {
  let t: TestApp;
  let shop: Shop;

  beforeAll(async () => {
    t = await startTestApp({ PAYMENT_WEBHOOK_SECRET: WEBHOOK_SECRET });
    shop = new Shop(t);
  });
  afterAll(() => t?.close());

  it('charges the order total with tok_visa and marks the order paid in the same step', async () => {
    const { customer, order } = await shop.pendingOrder({ quantity: 2, price: 1000 });

    const response = await shop.pay(customer, order.id);

    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/api/v1/orders/${order.id}`);
    expect(response.body).toEqual({
      id: expect.any(String),
      orderId: order.id,
      status: 'succeeded',
      amount: { amount: 2499, currency: 'USD' },
      provider: 'sandbox',
      createdAt: expect.any(String),
    });
    const paid = await t.http.get(`/api/v1/orders/${order.id}`, { token: customer.token });
    expect(paid.body.status).toBe('paid');
    expect(paid.body.payments).toEqual([response.body]);
    expect(paid.body.history.at(-1)).toMatchObject({ from: 'pending_payment', to: 'paid', actor: customer.userId });
  });

  it('ignores any amount a client sends: unknown body fields are refused', async () => {
    const { customer, order } = await shop.pendingOrder();
    const response = await t.http.post(
      `/api/v1/orders/${order.id}/payments`,
      { paymentToken: 'tok_visa', amount: { amount: 1, currency: 'USD' } },
      { token: customer.token, headers: { 'Idempotency-Key': randomUUID() } },
    );
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect((await shop.adminOrder(order.id)).status).toBe('pending_payment');
  });

  it('records a declined charge (402) and keeps the order payable; a retry with tok_visa succeeds', async () => {
    const { customer, order } = await shop.pendingOrder();
    const key = randomUUID();

    const declined = await shop.pay(customer, order.id, 'tok_chargeDeclined', key);

    expectProblem(declined, 402, 'PAYMENT_DECLINED');
    expect(declined.body).toMatchObject({ paymentId: expect.any(String), declineCode: 'card_declined' });
    const afterDecline = await shop.adminOrder(order.id);
    expect(afterDecline.status).toBe('pending_payment');
    expect(afterDecline.payments).toEqual([expect.objectContaining({ id: declined.body.paymentId, status: 'failed' })]);

    const replayed = await shop.pay(customer, order.id, 'tok_chargeDeclined', key);
    expectProblem(replayed, 402, 'PAYMENT_DECLINED');
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(declined.body);

    const retried = await shop.pay(customer, order.id, 'tok_visa');
    expect(retried.status).toBe(201);
    expect(retried.body.status).toBe('succeeded');
    const final = await shop.adminOrder(order.id);
    expect(final.status).toBe('paid');
    expect(final.payments.map((p: any) => p.status)).toEqual(['failed', 'succeeded']);
  });

  it('refuses an unknown token with 400 and records nothing', async () => {
    const { customer, order } = await shop.pendingOrder();
    const response = await shop.pay(customer, order.id, 'tok_bogus');
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors[0].field).toBe('paymentToken');
    expect((await shop.adminOrder(order.id)).payments).toEqual([]);
  });

  it('requires an Idempotency-Key and replays a success to a retry with the same key', async () => {
    const { customer, order } = await shop.pendingOrder();
    const missing = await t.http.post(`/api/v1/orders/${order.id}/payments`, { paymentToken: 'tok_visa' }, { token: customer.token });
    expectProblem(missing, 400, 'VALIDATION_FAILED');

    const key = randomUUID();
    const first = await shop.pay(customer, order.id, 'tok_visa', key);
    const again = await shop.pay(customer, order.id, 'tok_visa', key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expectProblem(await shop.pay(customer, order.id, 'tok_pending', key), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect((await shop.adminOrder(order.id)).payments).toHaveLength(1);
  });

  it('charges an order successfully at most once when 10 payments race with different keys', async () => {
    const { customer, order } = await shop.pendingOrder();

    const responses = await Promise.all(Array.from({ length: 10 }, () => shop.pay(customer, order.id)));

    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    // Refused while the winner's payment is pending (PAYMENT_PENDING) or once the order is paid.
    for (const refused of responses.filter((r) => r.status !== 201)) {
      expect(refused.status).toBe(409);
      expect(['PAYMENT_PENDING', 'INVALID_ORDER_TRANSITION']).toContain(refused.body.code);
    }
    const [{ count }] = await t.sql<{ count: string }>(`SELECT count(*) FROM payments WHERE order_id = $1`, [order.id]);
    expect(Number(count)).toBe(1);
    expect((await shop.adminOrder(order.id)).status).toBe('paid');
  });

  it('charges at most once when the same key is fired 10 times at once', async () => {
    const { customer, order } = await shop.pendingOrder();
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 10 }, () => shop.pay(customer, order.id, 'tok_visa', key)));
    const created = responses.filter((r) => r.status === 201);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    for (const other of responses.filter((r) => r.status !== 201)) expectProblem(other, 409, 'IDEMPOTENCY_KEY_IN_USE');
    expect(await t.sql(`SELECT 1 FROM payments WHERE order_id = $1`, [order.id])).toHaveLength(1);
  });
});

describe('payments: provider webhooks', () => {
  let t: TestApp;
  let shop: Shop;

  beforeAll(async () => {
    t = await startTestApp({ PAYMENT_WEBHOOK_SECRET: WEBHOOK_SECRET });
    shop = new Shop(t);
  });
  afterAll(() => t?.close());

  async function pendingPayment() {
    const placed = await shop.pendingOrder({ quantity: 2 });
    const response = await shop.pay(placed.customer, placed.order.id, 'tok_pending');
    expect(response.status).toBe(201);
    expect(response.body.status).toBe('pending');
    return { ...placed, payment: response.body as { id: string; orderId: string } };
  }

  it('leaves a tok_pending payment pending, refuses a second charge meanwhile, and pays the order on payment.succeeded', async () => {
    const { customer, order, payment } = await pendingPayment();
    expect((await shop.adminOrder(order.id)).status).toBe('pending_payment');
    expectProblem(await shop.pay(customer, order.id), 409, 'PAYMENT_PENDING');

    const response = await shop.webhook(webhookEvent('payment.succeeded', payment));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ received: true });
    const paid = await shop.adminOrder(order.id);
    expect(paid.status).toBe('paid');
    expect(paid.payments.map((p: any) => p.status)).toEqual(['succeeded']);
    expect(paid.history.at(-1)).toMatchObject({ from: 'pending_payment', to: 'paid', actor: 'system' });
  });

  it('marks a pending payment failed on payment.failed; the order can then be paid again', async () => {
    const { customer, order, payment } = await pendingPayment();
    expect((await shop.webhook(webhookEvent('payment.failed', payment))).status).toBe(200);
    const after = await shop.adminOrder(order.id);
    expect(after.status).toBe('pending_payment');
    expect(after.payments.map((p: any) => p.status)).toEqual(['failed']);
    expect((await shop.pay(customer, order.id)).status).toBe(201);
  });

  it('applies an event id once: a replayed event has no further effect', async () => {
    const { order, payment } = await pendingPayment();
    const event = webhookEvent('payment.succeeded', payment);
    expect((await shop.webhook(event)).status).toBe(200);
    const before = await shop.adminOrder(order.id);

    const replays = await Promise.all([shop.webhook(event), shop.webhook(event), shop.webhook({ ...event, type: 'payment.refunded' })]);

    for (const replay of replays) expect(replay.status).toBe(200);
    expect(await shop.adminOrder(order.id)).toEqual(before);
    expect(await t.sql(`SELECT 1 FROM payment_webhook_events WHERE event_id = $1`, [event.id])).toHaveLength(1);
  });

  it('treats different events with the same outcome idempotently', async () => {
    const { order, payment } = await pendingPayment();
    const results = await Promise.all([1, 2, 3].map(() => shop.webhook(webhookEvent('payment.succeeded', payment))));
    for (const result of results) expect(result.status).toBe(200);
    const after = await shop.adminOrder(order.id);
    expect(after.status).toBe('paid');
    expect(after.history.filter((h: any) => h.to === 'paid')).toHaveLength(1);
  });

  it('refunds a success that arrives after the order expired', async () => {
    const { order, payment, variantId } = await pendingPayment();
    await t.sql(`UPDATE orders SET payment_due_at = now() - interval '1 second' WHERE id = $1`, [order.id]);
    await t.app.get(ExpireUnpaidOrders).execute();
    expect((await shop.adminOrder(order.id)).status).toBe('cancelled');

    expect((await shop.webhook(webhookEvent('payment.succeeded', payment))).status).toBe(200);

    const after = await shop.adminOrder(order.id);
    expect(after.status).toBe('cancelled');
    expect(after.payments.map((p: any) => p.status)).toEqual(['refunded']);
    expect((await shop.stock(variantId)).reserved).toBe(0);
  });

  it('on payment.refunded cancels a paid, unshipped order and releases its stock', async () => {
    const { order, payment, variantId } = await shop.paidOrder({ quantity: 2 });
    expect((await shop.webhook(webhookEvent('payment.refunded', payment))).status).toBe(200);
    const after = await shop.adminOrder(order.id);
    expect(after.status).toBe('cancelled');
    expect(after.payments.map((p: any) => p.status)).toEqual(['refunded']);
    expect(after.history.at(-1)).toMatchObject({ from: 'paid', to: 'cancelled', actor: 'system' });
    expect((await shop.stock(variantId)).reserved).toBe(0);
  });

  it('on payment.refunded moves a delivered order to refunded', async () => {
    const { order, payment } = await shop.paidOrder();
    expect((await shop.adminPost(`/${order.id}/fulfil`, { carrier: 'DHL', trackingNumber: 'X1' })).status).toBe(200);
    expect((await shop.adminPost(`/${order.id}/deliver`)).status).toBe(200);
    expect((await shop.webhook(webhookEvent('payment.refunded', payment))).status).toBe(200);
    expect((await shop.adminOrder(order.id)).status).toBe('refunded');
  });

  it('acknowledges an event about an unknown payment without effect', async () => {
    const response = await shop.webhook(webhookEvent('payment.succeeded', { id: randomUUID(), orderId: randomUUID() }));
    expect(response.status).toBe(200);
  });

  it('refuses a missing, malformed, wrong or stale signature with 401 before reading the event', async () => {
    const { order, payment } = await pendingPayment();
    const event = webhookEvent('payment.succeeded', payment);
    const now = Math.floor(Date.now() / 1000);
    const attempts = [
      shop.webhook(event, { signature: null }),
      shop.webhook(event, { signature: 'garbage' }),
      shop.webhook(event, { signature: `t=${now}` }),
      shop.webhook(event, { signature: `t=${now},v1=${'0'.repeat(64)}` }),
      shop.webhook(event, { secret: 'whsec_somebody_else' }),
      // Well past the 300 s tolerance: the exact boundary is unit-tested with a fixed clock, while
      // here the server's clock may tick a second or two past `now` before it checks.
      shop.webhook(event, { timestamp: now - 360 }),
      shop.webhook(event, { timestamp: now + 360 }),
      shop.webhook('{not json', { raw: '{not json', signature: 'nope' }),
      shop.webhook(undefined, { raw: '', signature: 'nope' }),
    ];
    for (const response of await Promise.all(attempts)) expectProblem(response, 401, 'INVALID_SIGNATURE');
    expect((await shop.adminOrder(order.id)).status).toBe('pending_payment');
    expect(await t.sql(`SELECT 1 FROM payment_webhook_events WHERE event_id = $1`, [event.id])).toHaveLength(0);
  });

  it('refuses a correctly signed but malformed event with 400, and an unknown provider with 404', async () => {
    expectProblem(await shop.webhook(undefined, { raw: '{not json' }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await shop.webhook({ id: 'evt_x', type: 'payment.exploded', createdAt: new Date().toISOString(), data: {} }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await shop.webhook(webhookEvent('payment.succeeded', { id: randomUUID(), orderId: randomUUID() }), { provider: 'stripe' }),
      404,
      'NOT_FOUND',
    );
  });
});

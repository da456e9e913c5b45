import { DomainEvent, EventSubscribers } from '@congocart/shared';
import { expectProblem, Shop } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';

interface EventRow {
  id: string;
  type: string;
  occurred_at: Date;
  data: { id: string; [field: string]: unknown };
}

/** Polls `probe` until it returns something truthy, or fails after `ms`. */
async function eventually<T>(probe: () => Promise<T | undefined | null | false>, ms = 45_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

jest.setTimeout(60_000); // jobs poll once a second on a busy 2-core machine

describe('events: recorded in the business transaction, fanned out to subscribers', () => {
  let t: TestApp;
  let shop: Shop;
  const heard: DomainEvent[] = [];
  let failingAttempts = 0;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_POLL_INTERVAL_SECONDS: '1' });
    shop = new Shop(t);
    const subscribers = t.app.get(EventSubscribers);
    subscribers.add({ name: 'test-recorder', events: ['*'], handle: async (event) => void heard.push(event) });
    subscribers.add({
      name: 'test-failing',
      events: ['order.cancelled'],
      retryLimit: 2,
      retryDelaySeconds: 1,
      backoff: false,
      handle: async () => {
        failingAttempts++;
        throw new Error('this subscriber always fails');
      },
    });
  });
  afterAll(() => t?.close());

  const eventsFor = (resourceId: string) =>
    t.sql<EventRow>(`SELECT * FROM domain_events WHERE data->>'id' = $1 OR data->>'orderId' = $1 ORDER BY occurred_at, type`, [resourceId]);

  it('records order.placed with the order as the admin API shows it', async () => {
    const { order } = await shop.pendingOrder();

    const events = await eventsFor(order.id);

    expect(events.map((e) => e.type)).toEqual(['order.placed']);
    expect(events[0].data).toEqual(await shop.adminOrder(order.id));
    expect(events[0].occurred_at.toISOString()).toBe(order.createdAt);
  });

  it('records order.paid and payment.succeeded for a successful payment, payment.failed for a declined one', async () => {
    const { customer, order } = await shop.pendingOrder();
    const declined = await shop.pay(customer, order.id, 'tok_chargeDeclined');
    const paid = await shop.pay(customer, order.id);
    expect(paid.status).toBe(201);

    const events = await eventsFor(order.id);

    expect(events.map((e) => e.type).sort()).toEqual(['order.paid', 'order.placed', 'payment.failed', 'payment.succeeded']);
    expect(events.find((e) => e.type === 'payment.succeeded')?.data).toEqual(paid.body);
    expect(events.find((e) => e.type === 'payment.failed')?.data).toMatchObject({ id: declined.body.paymentId, status: 'failed' });
    expect(events.find((e) => e.type === 'order.paid')?.data).toEqual(await shop.adminOrder(order.id));
  });

  it('records each later status change: fulfilled, delivered, refunded', async () => {
    const { order } = await shop.paidOrder();
    expect((await shop.adminPost(`/${order.id}/fulfil`, { carrier: 'UPS', trackingNumber: '1Z999' }, shop.staff)).status).toBe(200);
    expect((await shop.adminPost(`/${order.id}/deliver`, undefined, shop.staff)).status).toBe(200);
    expect((await shop.adminPost(`/${order.id}/refund`, { reason: 'damaged' }, shop.staff)).status).toBe(200);

    const types = (await eventsFor(order.id)).filter((e) => e.type.startsWith('order.')).map((e) => e.type);

    expect(types).toEqual(['order.placed', 'order.paid', 'order.fulfilled', 'order.delivered', 'order.refunded']);
  });

  it('leaves no event for a rolled-back change: a checkout refused with 409 records no order.placed', async () => {
    const variantId = await shop.variant({ stock: 1 });
    const customer = shop.customer();
    await shop.addToCart(customer, variantId, 1);
    await shop.adjust(variantId, -1); // the stock goes while the cart waits
    const [{ count: before }] = await t.sql<{ count: string }>(`SELECT count(*) FROM domain_events WHERE type = 'order.placed'`);

    const refused = await shop.checkout(customer);

    expectProblem(refused, 409, 'INSUFFICIENT_STOCK');
    const [{ count: after }] = await t.sql<{ count: string }>(`SELECT count(*) FROM domain_events WHERE type = 'order.placed'`);
    expect(after).toBe(before);
    const [{ jobs }] = await t.sql<{ jobs: string }>(
      `SELECT count(*) AS jobs FROM pgboss.job WHERE name = 'events.fan-out' AND data->'data'->>'customerId' = $1`,
      [customer.userId],
    );
    expect(jobs).toBe('0');
    const metrics = await t.http.get('/metrics');
    expect(metrics.text).toMatch(/checkout_failures_total\{code="INSUFFICIENT_STOCK"\} [1-9]/);
  });

  it('delivers each committed event to every subscriber as its own job', async () => {
    const { order } = await shop.pendingOrder();
    const [placed] = await eventsFor(order.id);

    const delivered = await eventually(async () => heard.find((event) => event.id === placed.id));

    expect(delivered).toEqual({ id: placed.id, type: 'order.placed', occurredAt: placed.occurred_at.toISOString(), data: placed.data });
  });

  it('retries a throwing subscriber, then marks its job dead; other subscribers still get the event', async () => {
    const { customer, order } = await shop.pendingOrder();
    expect((await t.http.post(`/api/v1/orders/${order.id}/cancel`, undefined, { token: customer.token })).status).toBe(200);
    const [cancelled] = (await eventsFor(order.id)).filter((e) => e.type === 'order.cancelled');

    const queue = await eventually(async () => {
      const stats = await t.http.get('/api/v1/admin/jobs/stats', { token: shop.admin });
      const found = (stats.body.queues as { name: string; dead: number }[]).find((q) => q.name === 'event.test-failing');
      return found && found.dead === 1 ? found : undefined;
    });

    expect(queue).toEqual({ name: 'event.test-failing', queued: 0, active: 0, failed: 0, dead: 1 });
    expect(failingAttempts).toBe(3); // the first run and two retries
    const [job] = await t.sql<{ state: string; retry_count: number }>(
      `SELECT state, retry_count FROM pgboss.job WHERE name = 'event.test-failing'`,
    );
    expect(job).toEqual({ state: 'failed', retry_count: 2 });
    // The other subscribers' jobs run on their own queues, independently of the failing one.
    await eventually(async () => heard.some((event) => event.id === cancelled.id));
  });

  it('shows job stats to admins only', async () => {
    expectProblem(await t.http.get('/api/v1/admin/jobs/stats', { token: shop.staff }), 403, 'FORBIDDEN');
    const stats = await t.http.get('/api/v1/admin/jobs/stats', { token: shop.admin });
    expect(stats.status).toBe(200);
    expect(stats.body.queues).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'events.fan-out' })]));
  });
});

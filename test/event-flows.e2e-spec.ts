import { randomUUID } from 'node:crypto';
import { isValidWebhookSignature } from '@congocart/shared';
import { registerCustomer } from './support/accounts';
import { parseMail } from './support/mime';
import { ADDRESS, Customer, Shop } from './support/shop';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';
import { within } from './support/within';

const STOREFRONT = 'https://shop.example.com';
/** Background work is two or three jobs deep (fan-out, subscriber, delivery), each polled every second here. */
const SETTLES_WITHIN_MS = 20_000;

/**
 * Real flows end to end: HTTP requests commit events, the embedded worker fans them out through
 * the job queue to the webhooks and e-mail subscribers, and what leaves the process (webhook
 * POSTs, SMTP messages) is what the test's own servers receive.
 */
describe('order events through the job queue: webhooks and customer e-mails', () => {
  let t: TestApp;
  let shop: Shop;
  let smtp: SmtpSink;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      STORE_NAME: 'Congo Flow Store',
      STOREFRONT_URL: STOREFRONT,
      JOBS_POLL_INTERVAL_SECONDS: '1',
    });
    shop = new Shop(t);
  });
  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await t?.close();
    await smtp?.close();
  });

  async function receiver(): Promise<WebhookReceiver> {
    const started = await WebhookReceiver.start();
    receivers.push(started);
    return started;
  }

  async function register(url: string, events: string[]): Promise<{ id: string; secret: string }> {
    const response = await t.http.post('/api/v1/admin/webhooks', { url, events }, { token: shop.admin });
    expect(response.status).toBe(201);
    return response.body;
  }

  /** A customer with an account (so orders carry an e-mail address). */
  async function account(): Promise<Customer & { email: string }> {
    const signedUp = await registerCustomer(t);
    return { token: signedUp.accessToken, userId: signedUp.user.id, email: signedUp.email };
  }

  async function placeOrder(customer: Customer): Promise<{ id: string; number: string; email: string; total: { amount: number } }> {
    const variantId = await shop.variant({ price: 2500, stock: 5 });
    await shop.addToCart(customer, variantId, 2);
    const response = await shop.checkout(customer);
    expect(response.status).toBe(201);
    return response.body;
  }

  describe('webhooks', () => {
    it('sends order.placed after a checkout and order.paid after a payment, signed with the secret, each once', async () => {
      const hook = await receiver();
      const endpoint = await register(hook.url, ['order.placed', 'order.paid']);
      const customer = shop.customer();
      const order = await placeOrder(customer);

      const placed = await within(SETTLES_WITHIN_MS, 'order.placed delivered', async () =>
        hook.received.find((r) => r.body.type === 'order.placed' && r.body.data.id === order.id),
      );
      const signature = placed.headers['webhook-signature'] as string;
      expect(isValidWebhookSignature(endpoint.secret, placed.rawBody, signature, new Date())).toBe(true);
      expect(isValidWebhookSignature('whsec_some_other_secret', placed.rawBody, signature, new Date())).toBe(false);
      expect(placed.headers['webhook-id']).toBe(placed.body.id);
      expect(placed.body.data).toMatchObject({ id: order.id, number: order.number, status: 'pending_payment' });

      expect((await shop.pay(customer, order.id, 'tok_visa')).status).toBe(201);
      const paid = await within(SETTLES_WITHIN_MS, 'order.paid delivered', async () =>
        hook.received.find((r) => r.body.type === 'order.paid' && r.body.data.id === order.id),
      );
      expect(isValidWebhookSignature(endpoint.secret, paid.rawBody, paid.headers['webhook-signature'] as string, new Date())).toBe(true);
      expect(paid.body.data).toMatchObject({ id: order.id, status: 'paid' });

      const deliveries = await within(SETTLES_WITHIN_MS, 'both deliveries recorded as succeeded', async () => {
        const log = await t.http.get(`/api/v1/admin/webhooks/${endpoint.id}/deliveries`, { token: shop.admin });
        const rows = log.body.data as { eventType: string; status: string; attempts: number }[];
        return rows.length === 2 && rows.every((row) => row.status === 'succeeded') && rows;
      });
      expect(deliveries.map((row) => [row.eventType, row.attempts])).toEqual([
        ['order.paid', 1],
        ['order.placed', 1],
      ]);
      expect(hook.received.map((r) => r.body.type)).toEqual(['order.placed', 'order.paid']);
    });

    it('sends an endpoint only the event types it subscribes to', async () => {
      const everything = await receiver();
      const paidOnly = await receiver();
      await register(everything.url, ['*']);
      const paidEndpoint = await register(paidOnly.url, ['order.paid']);
      const customer = shop.customer();
      const order = await placeOrder(customer);
      // Both deliveries of one event are created together: once one endpoint has it, the other would have it too.
      await within(SETTLES_WITHIN_MS, 'order.placed delivered to the * endpoint', async () =>
        everything.received.some((r) => r.body.type === 'order.placed' && r.body.data.id === order.id),
      );
      expect((await shop.pay(customer, order.id, 'tok_visa')).status).toBe(201);
      await within(SETTLES_WITHIN_MS, 'order.paid delivered to the order.paid endpoint', async () =>
        paidOnly.received.some((r) => r.body.type === 'order.paid' && r.body.data.id === order.id),
      );

      expect(paidOnly.received.map((r) => r.body.type)).toEqual(['order.paid']);
      const log = await t.http.get(`/api/v1/admin/webhooks/${paidEndpoint.id}/deliveries`, { token: shop.admin });
      expect(log.body.data.map((row: { eventType: string }) => row.eventType)).toEqual(['order.paid']);
    });

    it('carries guest orders too: customerId null, and neither the order token nor its sealed copy', async () => {
      const hook = await receiver();
      await register(hook.url, ['order.placed', 'order.paid']);
      const variantId = await shop.variant({ stock: 5 });
      const cart = (await t.http.post('/api/v1/carts')).body;
      await t.http.post(`/api/v1/carts/${cart.id}/items`, { variantId, quantity: 1 }, { headers: { 'X-Cart-Token': cart.token } });
      const checkout = await t.http.post(
        `/api/v1/carts/${cart.id}/checkout`,
        { email: `guest-${randomUUID()}@example.com`, shippingAddress: ADDRESS },
        { headers: { 'X-Cart-Token': cart.token, 'Idempotency-Key': randomUUID() } },
      );
      expect(checkout.status).toBe(201);
      const order = checkout.body;
      const paid = await t.http.post(
        `/api/v1/guest-orders/${order.id}/payments`,
        { paymentToken: 'tok_visa' },
        { headers: { 'X-Order-Token': order.orderToken, 'Idempotency-Key': randomUUID() } },
      );
      expect(paid.status).toBe(201);

      const delivered = await within(SETTLES_WITHIN_MS, 'order.placed and order.paid of the guest order delivered', async () => {
        const mine = hook.received.filter((r) => r.body.data.id === order.id);
        return mine.length === 2 && mine;
      });
      // Placed and paid within one poll interval may fan out in either order ("where possible"): compare by type.
      expect(delivered.map((r) => [r.body.type, r.body.data.customerId, r.body.data.email]).sort()).toEqual([
        ['order.paid', null, order.email],
        ['order.placed', null, order.email],
      ]);
      for (const received of delivered) {
        expect(Object.keys(received.body).sort()).toEqual(['data', 'id', 'occurredAt', 'type']);
        expect(received.rawBody).not.toContain(order.orderToken);
      }
    });

    it('sends a ping and a manual retry through the queue', async () => {
      const hook = await receiver();
      const endpoint = await register(hook.url, ['inventory.low_stock']);
      const ping = await t.http.post(`/api/v1/admin/webhooks/${endpoint.id}/ping`, undefined, { token: shop.admin });
      expect(ping.status).toBe(202);
      await within(SETTLES_WITHIN_MS, 'ping delivered', async () => hook.of(ping.body.eventId).length === 1);

      const retry = await t.http.post(`/api/v1/admin/webhooks/${endpoint.id}/deliveries/${ping.body.id}/retry`, undefined, {
        token: shop.admin,
      });
      expect(retry.status).toBe(202);
      await within(SETTLES_WITHIN_MS, 'ping delivered again', async () => hook.of(ping.body.eventId).length === 2);
      const [first, again] = hook.of(ping.body.eventId);
      expect(again.headers['webhook-id']).toBe(first.headers['webhook-id']);
    });
  });

  describe('customer e-mails', () => {
    function mailsAbout(number: string) {
      return smtp.mails.map((mail) => ({ ...parseMail(mail.raw), to: mail.to })).filter((mail) => mail.subject.includes(number));
    }

    /** Waits for the e-mail with this subject, then proves it is the only one of its kind. */
    async function onlyMail(number: string, subject: string) {
      const mail = await within(SETTLES_WITHIN_MS, `e-mail "${subject}"`, async () =>
        mailsAbout(number).find((m) => m.subject === subject),
      );
      expect(mailsAbout(number).filter((m) => m.subject === subject)).toHaveLength(1);
      return mail;
    }

    it('e-mails the confirmation, the payment, the shipment with its tracking number: each once', async () => {
      const customer = await account();
      const order = await placeOrder(customer);
      expect(order.email).toBe(customer.email);

      const confirmation = await onlyMail(order.number, `Congo Flow Store: order ${order.number} confirmed`);
      expect(confirmation.to).toEqual([customer.email]);
      expect(confirmation.text).toContain(order.number);
      expect(confirmation.text).toContain(`${STOREFRONT}/orders/${order.id}`);

      expect((await shop.pay(customer, order.id, 'tok_visa')).status).toBe(201);
      const payment = await onlyMail(order.number, `Congo Flow Store: payment received for order ${order.number}`);
      expect(payment.text).toContain(`$${(order.total.amount / 100).toFixed(2)}`);

      const trackingNumber = `1Z${randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()}`;
      const fulfilled = await shop.adminPost(`/${order.id}/fulfil`, { carrier: 'UPS', trackingNumber }, shop.staff);
      expect(fulfilled.status).toBe(200);
      const shipped = await onlyMail(order.number, `Congo Flow Store: order ${order.number} has shipped`);
      expect(shipped.text).toContain('Carrier: UPS');
      expect(shipped.text).toContain(`Tracking number: ${trackingNumber}`);

      // Every event of the order has been fanned out and handled by now: nothing else, nothing twice.
      expect(mailsAbout(order.number).map((m) => m.subject)).toEqual([confirmation.subject, payment.subject, shipped.subject]);
    });

    it('e-mails the cancellation once', async () => {
      const customer = await account();
      const order = await placeOrder(customer);
      await onlyMail(order.number, `Congo Flow Store: order ${order.number} confirmed`);
      const cancelled = await t.http.post(`/api/v1/orders/${order.id}/cancel`, undefined, { token: customer.token });
      expect(cancelled.status).toBe(200);
      const mail = await onlyMail(order.number, `Congo Flow Store: order ${order.number} cancelled`);
      expect(mail.to).toEqual([customer.email]);
      expect(mailsAbout(order.number)).toHaveLength(2);
    });
  });

  describe('readiness', () => {
    it('checks the job queue too when the worker is embedded; an API instance with WORKER_MODE=off only checks the database', async () => {
      const ready = await t.http.get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.info).toMatchObject({ database: { status: 'up' }, queue: { status: 'up' } });
      const apiOnly = await startTestApp({ WORKER_MODE: 'off' }, { sameDatabaseAs: t });
      try {
        const readyApiOnly = await apiOnly.http.get('/health/ready');
        expect(readyApiOnly.status).toBe(200);
        expect(Object.keys(readyApiOnly.body.info)).toEqual(['database']);

        // The database still answers; only the queue's schema does not.
        await t.sql('ALTER TABLE pgboss.version RENAME TO version_hidden');
        try {
          const notReady = await t.http.get('/health/ready');
          expect({ status: notReady.status, code: notReady.body.code }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
          expect((await apiOnly.http.get('/health/ready')).status).toBe(200);
        } finally {
          await t.sql('ALTER TABLE pgboss.version_hidden RENAME TO version');
        }
        expect((await t.http.get('/health/ready')).status).toBe(200);
      } finally {
        await apiOnly.close();
      }
    });
  });
});

import { randomUUID } from 'node:crypto';
import { isValidWebhookSignature } from '@congocart/shared';
import { DeliverWebhook, FanOutEvent } from '@congocart/webhooks';
import { tokenFor } from './support/auth';
import { adminOrder, orderEvent } from './support/order-events';
import { expectProblem } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';
import { until } from './support/until';
import { WebhookReceiver } from './support/webhook-receiver';

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
}

describe('outbound webhooks', () => {
  let t: TestApp;
  let admin: string;
  const receivers: WebhookReceiver[] = [];
  const secretsShown: string[] = [];

  beforeAll(async () => {
    // Two fast retries (0 s each), then dead: three attempts in all, without waiting minutes.
    t = await startTestApp({ WEBHOOK_RETRY_SCHEDULE_SECONDS: '0,0', JOBS_POLL_INTERVAL_SECONDS: '1' });
    admin = tokenFor(t, 'admin').token;
  });
  afterEach(async () => {
    await t.sql('DELETE FROM webhook_endpoints');
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  });
  afterAll(() => t?.close());

  async function receiver(): Promise<WebhookReceiver> {
    const started = await WebhookReceiver.start();
    receivers.push(started);
    return started;
  }

  async function register(url: string, events: string[], extra: Record<string, unknown> = {}) {
    const response = await t.http.post('/api/v1/admin/webhooks', { url, events, ...extra }, { token: admin });
    expect(response.status).toBe(201);
    secretsShown.push(response.body.secret);
    return response.body as { id: string; secret: string; url: string; events: string[]; active: boolean };
  }

  async function deliveries(endpointId: string): Promise<Delivery[]> {
    const response = await t.http.get(`/api/v1/admin/webhooks/${endpointId}/deliveries`, { token: admin });
    expect(response.status).toBe(200);
    expectNoSecret(response.text);
    return response.body.data;
  }

  async function settled(endpointId: string, eventId: string, status: string): Promise<Delivery> {
    return until(async () => (await deliveries(endpointId)).find((d) => d.eventId === eventId && d.status === status));
  }

  function expectNoSecret(text: string): void {
    for (const secret of secretsShown) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"secret"|whsec_|secret_sealed/);
  }

  describe('endpoints', () => {
    it('registers an endpoint, showing its secret once; every later answer leaves it out', async () => {
      const hook = await receiver();
      const created = await t.http.post(
        '/api/v1/admin/webhooks',
        { url: hook.url, events: ['order.paid', 'order.placed'], description: 'ERP' },
        { token: admin },
      );
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe(`/api/v1/admin/webhooks/${created.body.id}`);
      expect(created.body).toMatchObject({ url: hook.url, events: ['order.paid', 'order.placed'], description: 'ERP', active: true });
      expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      secretsShown.push(created.body.secret);
      const id = created.body.id;

      const reads = [
        await t.http.get(`/api/v1/admin/webhooks/${id}`, { token: admin }),
        await t.http.get('/api/v1/admin/webhooks', { token: admin }),
        await t.http.patch(`/api/v1/admin/webhooks/${id}`, { description: null, events: ['*'] }, { token: admin }),
        await t.http.post(`/api/v1/admin/webhooks/${id}/ping`, undefined, { token: admin }),
        await t.http.get(`/api/v1/admin/webhooks/${id}/deliveries`, { token: admin }),
      ];
      expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 202, 200]);
      reads.forEach((r) => expectNoSecret(r.text));
      expect(Object.keys(reads[0].body).sort()).toEqual(['active', 'createdAt', 'description', 'events', 'id', 'url']);
      expect(reads[1].body.data.map((e: { id: string }) => e.id)).toEqual([id]);
      expect(reads[2].body).toMatchObject({ description: null, events: ['*'], url: hook.url });
    });

    it('stores the secret encrypted, never in the clear', async () => {
      const endpoint = await register((await receiver()).url, ['*']);
      const [row] = await t.sql<{ secret_sealed: Buffer }>('SELECT secret_sealed FROM webhook_endpoints WHERE id = $1', [endpoint.id]);
      expect(row.secret_sealed.includes(Buffer.from(endpoint.secret))).toBe(false);
      expect(row.secret_sealed.includes(Buffer.from(endpoint.secret.slice(6)))).toBe(false);
      expect(row.secret_sealed.length).toBeGreaterThan(28 + 32);
    });

    it('is for admins only', async () => {
      const url = (await receiver()).url;
      for (const role of ['staff', 'customer'] as const) {
        const token = tokenFor(t, role).token;
        expectProblem(await t.http.get('/api/v1/admin/webhooks', { token }), 403, 'FORBIDDEN');
        expectProblem(await t.http.post('/api/v1/admin/webhooks', { url, events: ['*'] }, { token }), 403, 'FORBIDDEN');
      }
      expect((await t.http.get('/api/v1/admin/webhooks')).status).toBe(401);
    });

    it.each([
      ['an unknown event type', { events: ['order.exploded'] }],
      ['"*" with other types', { events: ['*', 'order.paid'] }],
      ['no events', { events: [] }],
      ['a non-http URL', { url: 'ftp://example.com/hook' }],
      ['a relative URL', { url: '/hooks' }],
      ['credentials in the URL', { url: 'https://user:pw@example.com/hook' }],
      ['an unknown field', { secret: 'mine' }],
    ])('refuses %s → 400', async (_case, change) => {
      const response = await t.http.post(
        '/api/v1/admin/webhooks',
        { url: 'https://example.com/hook', events: ['*'], ...change },
        { token: admin },
      );
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });

    it('rotates the secret: shown once more, and deliveries are signed with the new one', async () => {
      const hook = await receiver();
      const endpoint = await register(hook.url, ['order.paid']);
      const rotated = await t.http.post(`/api/v1/admin/webhooks/${endpoint.id}/rotate-secret`, undefined, { token: admin });
      expect(rotated.status).toBe(200);
      expect(rotated.body.secret).toMatch(/^whsec_/);
      expect(rotated.body.secret).not.toBe(endpoint.secret);
      secretsShown.push(rotated.body.secret);

      const event = orderEvent('order.paid', adminOrder({ status: 'paid' }));
      await t.app.get(FanOutEvent).execute(event);
      await hook.waitForCount(1);
      const [request] = hook.received;
      const signature = request.headers['webhook-signature'] as string;
      expect(isValidWebhookSignature(rotated.body.secret, request.rawBody, signature, new Date())).toBe(true);
      expect(isValidWebhookSignature(endpoint.secret, request.rawBody, signature, new Date())).toBe(false);
    });

    it('deletes an endpoint: 204, then 404 everywhere, and it receives nothing more', async () => {
      const hook = await receiver();
      const endpoint = await register(hook.url, ['*']);
      expect((await t.http.delete(`/api/v1/admin/webhooks/${endpoint.id}`, { token: admin })).status).toBe(204);
      for (const response of [
        await t.http.get(`/api/v1/admin/webhooks/${endpoint.id}`, { token: admin }),
        await t.http.patch(`/api/v1/admin/webhooks/${endpoint.id}`, { active: false }, { token: admin }),
        await t.http.delete(`/api/v1/admin/webhooks/${endpoint.id}`, { token: admin }),
        await t.http.get(`/api/v1/admin/webhooks/${endpoint.id}/deliveries`, { token: admin }),
        await t.http.post(`/api/v1/admin/webhooks/${endpoint.id}/ping`, undefined, { token: admin }),
        await t.http.post(`/api/v1/admin/webhooks/${endpoint.id}/rotate-secret`, undefined, { token: admin }),
      ]) {
        expectProblem(response, 404, 'NOT_FOUND');
      }
      expect(await t.app.get(FanOutEvent).execute(orderEvent('order.placed', adminOrder()))).toEqual([]);
      expect(hook.received).toEqual([]);
    });
  });

  describe('deliveries', () => {
    it('POSTs the event signed with the secret, Webhook-Id being the event id', async () => {
      const hook = await receiver();
      const endpoint = await register(hook.url, ['order.placed']);
      const event = orderEvent('order.placed', adminOrder());
      const created = await t.app.get(FanOutEvent).execute(event);
      expect(created).toHaveLength(1);
      await hook.waitForCount(1);

      const [request] = hook.received;
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['webhook-id']).toBe(event.id);
      expect(request.body).toEqual(event);
      expect(isValidWebhookSignature(endpoint.secret, request.rawBody, request.headers['webhook-signature'] as string, new Date())).toBe(
        true,
      );
      expect(isValidWebhookSignature('whsec_other', request.rawBody, request.headers['webhook-signature'] as string, new Date())).toBe(
        false,
      );

      const delivery = await settled(endpoint.id, event.id, 'succeeded');
      expect(delivery).toMatchObject({ eventType: 'order.placed', attempts: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
    });

    it('sends an endpoint only the event types it subscribes to; the same event fanned out twice goes out once', async () => {
      const paidOnly = await receiver();
      const everything = await receiver();
      const paidEndpoint = await register(paidOnly.url, ['order.paid']);
      await register(everything.url, ['*']);
      const order = adminOrder();
      const placed = orderEvent('order.placed', order);
      const paid = orderEvent('order.paid', { ...order, status: 'paid' });
      const stock = {
        // Its own id: one derived from `placed` (first digit made 'f') was `placed`'s own id whenever that began with 'f' (1 run in 16).
        id: randomUUID(),
        type: 'inventory.low_stock',
        occurredAt: placed.occurredAt,
        data: { variantId: 'v', available: 1 },
      };

      const fanOut = t.app.get(FanOutEvent);
      expect(await fanOut.execute(placed)).toHaveLength(1);
      expect(await fanOut.execute(paid)).toHaveLength(2);
      expect(await fanOut.execute(stock)).toHaveLength(1);
      expect(await fanOut.execute(paid)).toEqual([]); // a repeated event creates nothing
      await everything.waitForCount(3);
      await paidOnly.waitForCount(1);
      await settled(paidEndpoint.id, paid.id, 'succeeded');

      expect(paidOnly.received.map((r) => r.body.type)).toEqual(['order.paid']);
      expect(everything.received.map((r) => r.body.type).sort()).toEqual(['inventory.low_stock', 'order.paid', 'order.placed']);
      expect(everything.of(paid.id)).toHaveLength(1);
    });

    it('retries a receiver that fails twice: it gets the event three times, same Webhook-Id and body, and the log says so', async () => {
      const hook = await receiver();
      hook.respondWith(500, 503);
      const endpoint = await register(hook.url, ['order.paid']);
      const event = orderEvent('order.paid', adminOrder({ status: 'paid' }));
      await t.app.get(FanOutEvent).execute(event);

      await hook.waitForCount(3);
      const delivery = await settled(endpoint.id, event.id, 'succeeded');
      expect(delivery).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
      expect(hook.received).toHaveLength(3);
      expect(new Set(hook.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([event.id]));
      expect(new Set(hook.received.map((r) => r.rawBody.toString()))).toEqual(new Set([JSON.stringify(event)]));
      for (const request of hook.received) {
        expect(isValidWebhookSignature(endpoint.secret, request.rawBody, request.headers['webhook-signature'] as string, new Date())).toBe(
          true,
        );
      }
    });

    it('marks a delivery dead when its retries are spent; a retry by hand sends it again', async () => {
      const hook = await receiver();
      hook.fallbackStatus = 500;
      const endpoint = await register(hook.url, ['order.cancelled']);
      const event = orderEvent('order.cancelled', adminOrder({ status: 'cancelled' }));
      await t.app.get(FanOutEvent).execute(event);

      const dead = await settled(endpoint.id, event.id, 'dead');
      expect(dead).toMatchObject({ attempts: 3, lastStatusCode: 500, lastError: 'HTTP 500', nextAttemptAt: null });
      expect(hook.received).toHaveLength(3);
      const metrics = await t.http.get('/metrics');
      expect(metrics.text).toMatch(/^webhook_deliveries_dead 1$/m);
      expect(metrics.text).toMatch(/^webhook_delivery_attempts_total\{outcome="dead"\} 1$/m);

      hook.fallbackStatus = 204;
      const retried = await t.http.post(`/api/v1/admin/webhooks/${endpoint.id}/deliveries/${dead.id}/retry`, undefined, { token: admin });
      expect(retried.status).toBe(202);
      expect(retried.body).toMatchObject({ id: dead.id, eventId: event.id });
      await hook.waitForCount(4);
      expect(await settled(endpoint.id, event.id, 'succeeded')).toMatchObject({ attempts: 4, lastStatusCode: 204 });
      expect(hook.of(event.id)).toHaveLength(4);
      expect((await t.http.get('/metrics')).text).toMatch(/^webhook_deliveries_dead 0$/m);
    });

    it('records a refused connection as a failed attempt', async () => {
      const hook = await receiver();
      const url = hook.url;
      await hook.close();
      receivers.splice(receivers.indexOf(hook), 1);
      const endpoint = await register(url, ['order.placed']);
      const event = orderEvent('order.placed', adminOrder());
      await t.app.get(FanOutEvent).execute(event);
      const dead = await settled(endpoint.id, event.id, 'dead');
      expect(dead.lastStatusCode).toBeNull();
      expect(dead.lastError).toMatch(/ECONNREFUSED/);
    });

    it('pings an endpoint whatever its events: 202, a signed ping event', async () => {
      const hook = await receiver();
      const endpoint = await register(hook.url, ['inventory.low_stock']);
      const ping = await t.http.post(`/api/v1/admin/webhooks/${endpoint.id}/ping`, undefined, { token: admin });
      expect(ping.status).toBe(202);
      expect(ping.body).toMatchObject({ eventType: 'ping', status: 'pending', attempts: 0 });
      await hook.waitForCount(1);
      const [request] = hook.received;
      expect(request.body).toMatchObject({ id: ping.body.eventId, type: 'ping', data: { webhookId: endpoint.id } });
      expect(isValidWebhookSignature(endpoint.secret, request.rawBody, request.headers['webhook-signature'] as string, new Date())).toBe(
        true,
      );
      await settled(endpoint.id, ping.body.eventId, 'succeeded');
    });

    it('sends the events of one order in event order, holding a later one while an earlier one is failing', async () => {
      const hook = await receiver();
      hook.respondWith(500);
      const endpoint = await register(hook.url, ['*']);
      const order = adminOrder();
      const placed = orderEvent('order.placed', order);
      const paid = orderEvent('order.paid', { ...order, status: 'paid' });
      await t.app.get(FanOutEvent).execute(placed);
      await t.app.get(FanOutEvent).execute(paid);

      await settled(endpoint.id, paid.id, 'succeeded');
      expect(hook.received.map((r) => r.body.type)).toEqual(['order.placed', 'order.placed', 'order.paid']);
    });

    it('does nothing when a delivery is run again after it succeeded (a duplicate job)', async () => {
      const hook = await receiver();
      const endpoint = await register(hook.url, ['order.placed']);
      const event = orderEvent('order.placed', adminOrder());
      const [delivery] = await t.app.get(FanOutEvent).execute(event);
      await settled(endpoint.id, event.id, 'succeeded');
      expect(await t.app.get(DeliverWebhook).execute(delivery.id)).toBe('skipped');
      expect(hook.received).toHaveLength(1);
    });

    it('pages the delivery log newest first', async () => {
      const hook = await receiver();
      const endpoint = await register(hook.url, ['*']);
      const events = [1, 2, 3].map(() => orderEvent('order.placed', adminOrder()));
      for (const event of events) await t.app.get(FanOutEvent).execute(event);
      await hook.waitForCount(3);
      const first = await t.http.get(`/api/v1/admin/webhooks/${endpoint.id}/deliveries?limit=2`, { token: admin });
      expect(first.body.data.map((d: Delivery) => d.eventId)).toEqual([events[2].id, events[1].id]);
      const second = await t.http.get(`/api/v1/admin/webhooks/${endpoint.id}/deliveries?limit=2&cursor=${first.body.page.nextCursor}`, {
        token: admin,
      });
      expect(second.body.data.map((d: Delivery) => d.eventId)).toEqual([events[0].id]);
      expect(second.body.page.nextCursor).toBeNull();
      const other = await register(hook.url, ['*']);
      const foreign = await t.http.get(`/api/v1/admin/webhooks/${other.id}/deliveries?cursor=${first.body.page.nextCursor}`, {
        token: admin,
      });
      expectProblem(foreign, 400, 'INVALID_CURSOR');
    });
  });
});

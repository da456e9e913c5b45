import { createCipheriv, randomBytes } from 'node:crypto';
import { FanOutEvent } from '@congocart/webhooks';
import { tokenFor } from './support/auth';
import { adminOrder, orderEvent } from './support/order-events';
import { expectProblem } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';
import { until } from './support/until';
import { WebhookReceiver } from './support/webhook-receiver';

const PRODUCTION = {
  NODE_ENV: 'production',
  PAYMENT_SANDBOX_ENABLED: 'true',
  PAYMENT_WEBHOOK_SECRET: 'whsec_production_test_0123456789',
  WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'),
  WEBHOOK_RETRY_SCHEDULE_SECONDS: '0',
  LOG_LEVEL: 'silent',
};

/** AES-256-GCM as the app seals secrets: iv ‖ tag ‖ ciphertext. */
function seal(secret: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(PRODUCTION.WEBHOOK_SECRET_KEY, 'base64'), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

describe('outbound webhooks in production: SSRF safety', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp(PRODUCTION);
    admin = tokenFor(t, 'admin').token;
  });
  afterAll(() => t?.close());

  it.each([
    ['loopback', 'https://127.0.0.1/hooks'],
    ['localhost', 'https://localhost/hooks'],
    ['IPv6 loopback', 'https://[::1]/hooks'],
    ['a private network', 'https://10.1.2.3/hooks'],
    ['another private network', 'https://192.168.0.10/hooks'],
    ['the cloud metadata service', 'https://169.254.169.254/latest/meta-data'],
    ['an IPv4-mapped private address', 'https://[::ffff:10.0.0.1]/hooks'],
    ['an unspecified address', 'https://0.0.0.0/hooks'],
  ])('refuses a URL on %s → 400', async (_case, url) => {
    const response = await t.http.post('/api/v1/admin/webhooks', { url, events: ['*'] }, { token: admin });
    expectProblem(response, 400, 'WEBHOOK_URL_NOT_ALLOWED');
    expect(response.body.errors).toEqual([{ field: 'url', message: expect.stringMatching(/private/) }]);
  });

  it('refuses plain http in production → 400', async () => {
    const response = await t.http.post('/api/v1/admin/webhooks', { url: 'http://hooks.example.com/x', events: ['*'] }, { token: admin });
    expectProblem(response, 400, 'WEBHOOK_URL_NOT_ALLOWED');
  });

  it('refuses a private URL in a PATCH too', async () => {
    const [endpoint] = await t.sql<{ id: string }>(
      `INSERT INTO webhook_endpoints (id, url, events, secret_sealed) VALUES (gen_random_uuid(), 'https://hooks.example.com/x', '{*}', '\\x00') RETURNING id`,
    );
    const response = await t.http.patch(`/api/v1/admin/webhooks/${endpoint.id}`, { url: 'https://127.0.0.1:8443/x' }, { token: admin });
    expectProblem(response, 400, 'WEBHOOK_URL_NOT_ALLOWED');
    await t.sql('DELETE FROM webhook_endpoints');
  });

  it('checks again at delivery time: an endpoint now on a private address gets nothing, and the log says why', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      // As if registered while DNS said otherwise: the row is written directly, its secret sealed with the app's key.
      await t.sql(`INSERT INTO webhook_endpoints (id, url, events, secret_sealed) VALUES (gen_random_uuid(), $1, '{*}', $2)`, [
        receiver.url.replace('http:', 'https:'),
        seal('whsec_delivery_time_check'),
      ]);
      const [endpoint] = await t.sql<{ id: string }>('SELECT id FROM webhook_endpoints');
      const event = orderEvent('order.placed', adminOrder());
      await t.app.get(FanOutEvent).execute(event);
      const dead = await until(async () => {
        const response = await t.http.get(`/api/v1/admin/webhooks/${endpoint.id}/deliveries`, { token: admin });
        return response.body.data.find((d: { status: string }) => d.status === 'dead');
      });
      expect(dead.lastError).toMatch(/private/);
      expect(receiver.received).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('accepts a private URL when WEBHOOK_ALLOW_PRIVATE_URLS=true', async () => {
    const allowing = await startTestApp({ ...PRODUCTION, WEBHOOK_ALLOW_PRIVATE_URLS: 'true' });
    try {
      const response = await allowing.http.post(
        '/api/v1/admin/webhooks',
        { url: 'https://127.0.0.1:8443/hooks', events: ['*'] },
        { token: tokenFor(allowing, 'admin').token },
      );
      expect(response.status).toBe(201);
    } finally {
      await allowing.close();
    }
  });
});

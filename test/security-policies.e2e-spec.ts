import { EnvReader, PlatformConfig } from '@congocart/shared';
import { PaymentsConfig } from '../libs/payments/src/payments.config';
import { warnAboutDemoAccounts } from '../apps/api/src/bootstrap/demo-account-warning';
import { onFreshEmbeddedDatabase } from '../apps/api/src/bootstrap/first-run';
import { DEMO_ACCOUNTS } from '../apps/api/src/seed/demo-seed';
import { demoAccountsAllowed } from '../apps/api/src/seed/production-guard';
import { AccountProvisioning } from '@congocart/identity';
import { registerCustomer } from './support/accounts';
import { expectProblemWithHeaders } from './support/problems';
import { Shop } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';

/** Issue 12 findings 3, 4, 5, 7, 9, 10, 14, 15, 17, 18. */
describe('security: policies', () => {
  let t: TestApp;
  let shop: Shop;
  beforeAll(async () => {
    t = await startTestApp({
      MAX_UNPAID_ORDERS_PER_CUSTOMER: '2',
      CHECKOUT_ATTEMPTS_PER_HOUR_PER_CUSTOMER: '4',
      METRICS_TOKEN: 'metrics-token-0123456789',
    });
    shop = new Shop(t);
  });
  afterAll(() => t?.close());

  describe('finding 5: nothing seeds itself in production', () => {
    it('seeds nothing at start-up in production, even on a fresh embedded database', async () => {
      const config = new PlatformConfig(new EnvReader({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }));
      expect(await t.sql(`SELECT 1 FROM products LIMIT 1`)).toEqual([]); // empty, so a seed would run
      await onFreshEmbeddedDatabase(t.app, config);
      expect(await t.sql(`SELECT 1 FROM products LIMIT 1`)).toEqual([]);
    });
  });

  describe('finding 3: stock hoarding', () => {
    it('refuses a third unpaid order with 429 and Retry-After, and limits checkout attempts per customer', async () => {
      const variant = await shop.variant({ stock: 100 });
      const customer = shop.customer();
      const statuses = [];
      for (let i = 0; i < 3; i += 1) {
        await shop.addToCart(customer, variant, 1);
        statuses.push(await shop.checkout(customer));
      }
      expect(statuses.map((response) => response.status)).toEqual([201, 201, 429]);
      expectProblemWithHeaders(statuses[2], 429, 'TOO_MANY_UNPAID_ORDERS');
      expect(Number(statuses[2].headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await shop.stock(variant)).reserved).toBe(2);
      // The fourth attempt is still counted, the fifth is over the hourly attempt limit.
      expect((await shop.checkout(customer)).status).toBe(429);
      const fifth = await shop.checkout(customer);
      expectProblemWithHeaders(fifth, 429, 'TOO_MANY_REQUESTS');
      expect(fifth.headers.get('ratelimit-policy')).toContain('"checkouts-user";q=4;w=3600');
    });
  });

  describe('finding 4: the sandbox provider in production', () => {
    const production = (env: Record<string, string>) =>
      new PaymentsConfig(new EnvReader({ PAYMENT_WEBHOOK_SECRET: 'a-webhook-secret-long-enough', ...env }), 'production');
    it('refuses to start production with the sandbox unless enabled explicitly', () => {
      expect(() => production({})).toThrow(/PAYMENT_SANDBOX_ENABLED must be true/);
      expect(production({ PAYMENT_SANDBOX_ENABLED: 'true' }).sandboxEnabled).toBe(true);
    });
  });

  describe('finding 9: the development webhook secret', () => {
    it('is generated per installation, not written in the source', () => {
      const secret = new PaymentsConfig(new EnvReader({}), 'development').webhookSecret;
      expect(secret).not.toBe('whsec_congocart_development_only');
      expect(Buffer.byteLength(secret)).toBeGreaterThanOrEqual(32);
      expect(new PaymentsConfig(new EnvReader({}), 'development').webhookSecret).toBe(secret);
    });
  });

  describe('finding 5: demo data in production', () => {
    it('npm run seed refuses with NODE_ENV=production, and never creates demo accounts there', () => {
      expect(() => demoAccountsAllowed('production', [])).toThrow(/Refusing to seed with NODE_ENV=production/);
      expect(demoAccountsAllowed('production', ['--allow-production'])).toBe(false);
      expect(demoAccountsAllowed('development', [])).toBe(true);
    });

    it('warns at start-up about accounts that still have a published demo password', async () => {
      expect(await warnAboutDemoAccounts(t.app)).toEqual([]);
      await t.app.get(AccountProvisioning).ensureAccount(DEMO_ACCOUNTS[2]);
      expect(await warnAboutDemoAccounts(t.app)).toEqual([DEMO_ACCOUNTS[2].email]);
    });
  });

  describe('finding 7: signed cursors', () => {
    it('refuses a tampered or forged cursor with 400 INVALID_CURSOR', async () => {
      await shop.variants(3);
      const first = await t.http.get('/api/v1/products?limit=1');
      const cursor: string = first.body.page.nextCursor;
      expect((await t.http.get(`/api/v1/products?limit=1&cursor=${cursor}`)).status).toBe(200);
      const [payload, signature] = cursor.split('.');
      const keys = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...keys, k: ['not-a-date', 'x'] })).toString('base64url');
      for (const bad of [`${forged}.${signature}`, forged, `${payload}.${'A'.repeat(22)}`, `${payload}x.${signature}`]) {
        expectProblemWithHeaders(await t.http.get(`/api/v1/products?limit=1&cursor=${bad}`), 400, 'INVALID_CURSOR');
      }
    });
  });

  describe('finding 10: /metrics', () => {
    it('requires the configured bearer token', async () => {
      expectProblemWithHeaders(await t.http.get('/metrics'), 401);
      expectProblemWithHeaders(await t.http.get('/metrics', { token: 'wrong-token-0123456789' }), 401);
      expect((await t.http.get('/metrics', { token: 'metrics-token-0123456789' })).status).toBe(200);
    });
  });

  describe('finding 14: history actors seen by customers', () => {
    it('shows staff as `staff`, the customer as itself', async () => {
      const { customer, order } = await shop.paidOrder();
      const fulfilled = await shop.adminPost(`/${order.id}/fulfil`, { carrier: 'UPS', trackingNumber: '1Z' }, shop.staff);
      expect(fulfilled.status).toBe(200);
      const mine = await t.http.get(`/api/v1/orders/${order.id}`, { token: customer.token });
      const actors = mine.body.history.map((entry: { actor: string }) => entry.actor);
      expect(actors[0]).toBe(customer.userId);
      expect(actors.at(-1)).toBe('staff');
      const asStaff = await t.http.get(`/api/v1/admin/orders/${order.id}`, { token: shop.staff });
      expect(asStaff.body.history.at(-1).actor).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('finding 15: personal responses are not cached', () => {
    it('sends Cache-Control: no-store on /me, carts, orders and admin reads', async () => {
      const user = await registerCustomer(t);
      const guest = await t.http.post('/api/v1/carts');
      for (const response of [
        await t.http.get('/api/v1/me', { token: user.accessToken }),
        await t.http.get('/api/v1/cart', { token: user.accessToken }),
        await t.http.get('/api/v1/orders', { token: user.accessToken }),
        guest,
        await t.http.get('/api/v1/admin/orders', { token: shop.staff }),
      ]) {
        expect(response.status).toBeLessThan(300);
        expect(response.headers.get('cache-control')).toBe('no-store');
      }
      expect((await t.http.get('/api/v1/products')).headers.get('cache-control')).toMatch(/max-age/);
    });
  });

  describe('finding 18: category depth', () => {
    it('nests categories at most 8 levels deep, on create and on move', async () => {
      const create = (name: string, parentId?: string) =>
        t.http.post('/api/v1/admin/categories', { name, ...(parentId ? { parentId } : {}) }, { token: shop.admin });
      let parentId: string | undefined;
      for (let level = 1; level <= 8; level += 1) {
        const created = await create(`Depth ${level}`, parentId);
        expect(created.status).toBe(201);
        parentId = created.body.id;
      }
      expectProblemWithHeaders(await create('Depth 9', parentId), 400, 'CATEGORY_TOO_DEEP');
      const top = await create('Movable');
      expect((await create('Movable child', top.body.id)).status).toBe(201);
      const deepest = parentId!;
      const [{ parent_id: seventh }] = await t.sql<{ parent_id: string }>(`SELECT parent_id FROM categories WHERE id = $1`, [deepest]);
      const move = (to: string) => t.http.patch(`/api/v1/admin/categories/${top.body.id}`, { parentId: to }, { token: shop.admin });
      expectProblemWithHeaders(await move(seventh), 400, 'CATEGORY_TOO_DEEP');
      const [{ parent_id: sixth }] = await t.sql<{ parent_id: string }>(`SELECT parent_id FROM categories WHERE id = $1`, [seventh]);
      expect((await move(sixth)).status).toBe(200);
    });
  });

  describe('finding 17: /docs in production', () => {
    it('is off in production unless DOCS_ENABLED', () => {
      expect(new PlatformConfig(new EnvReader({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).docsEnabled).toBe(false);
    });

    it('serves no /docs when disabled', async () => {
      const closed = await startTestApp({ DOCS_ENABLED: 'false' });
      try {
        expectProblemWithHeaders(await closed.http.get('/docs-json'), 404);
        expectProblemWithHeaders(await closed.http.get('/docs'), 404);
      } finally {
        await closed.close();
      }
    });
  });
});

import { randomUUID } from 'node:crypto';
import { Agent, get } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { ChildShop } from './support/child-shop';
import { brokenInvariants } from './support/invariants';
import { cloneTestDatabase, ServerProcess, startServerProcess } from './support/server-process';
import { ADDRESS } from './support/shop';

// Each step starts real processes; on 2 shared cores a start can take tens of seconds.
jest.setTimeout(180_000);
/**
 * Real faults against the real server run as a child process: it SIGKILLs itself right after
 * committing (CONGOCART_TEST_CRASH_AFTER_COMMIT), so the client never gets the answer; the
 * retries go to the restarted server.
 */
describe('exactly once through a crash of the API', () => {
  let database: { url: string; drop(): Promise<void> };
  let server: ServerProcess | undefined;
  let sql: Client;

  const start = async (env: Record<string, string> = {}) => {
    server = await startServerProcess({
      DATABASE_URL: database.url,
      PAYMENT_RECONCILE_INTERVAL_SECONDS: '1',
      PAYMENT_RECONCILE_AFTER_SECONDS: '1',
      ...env,
    });
    return new ChildShop(server.http);
  };
  const crashed = async () => {
    expect((await server!.exited).signal).toBe('SIGKILL');
    server = undefined;
  };

  beforeAll(async () => {
    database = await cloneTestDatabase();
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    await server?.exited;
    await sql?.end();
    await database?.drop();
  });

  it('replays the committed order and payment to retries after a crash between commit and answer', async () => {
    let shop = await start({ CONGOCART_TEST_CRASH_AFTER_COMMIT: 'checkout' });
    const variantId = await shop.variant(10);
    const customer = await shop.cartWith(variantId, 2);
    const checkoutKey = randomUUID();
    await expect(shop.checkout(customer, checkoutKey)).rejects.toThrow();
    await crashed();

    shop = await start({ CONGOCART_TEST_CRASH_AFTER_COMMIT: 'payments' });
    const replayed = await shop.checkout(customer, checkoutKey);
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    const { rows: orders } = await sql.query('SELECT id FROM orders WHERE customer_id = $1', [customer.userId]);
    expect(orders.map((o) => o.id)).toEqual([replayed.body.id]);

    const payKey = randomUUID();
    await expect(shop.pay(customer, replayed.body.id, 'tok_visa', payKey)).rejects.toThrow();
    await crashed();

    shop = await start();
    const paid = await shop.pay(customer, replayed.body.id, 'tok_visa', payKey);
    expect(paid.status).toBe(201);
    expect(paid.body.status).toBe('succeeded');
    expect(paid.headers.get('idempotent-replayed')).toBe('true');
    const again = await shop.pay(customer, replayed.body.id, 'tok_visa', payKey);
    expect([again.status, again.body.id, again.headers.get('idempotent-replayed')]).toEqual([201, paid.body.id, 'true']);
    expect(await shop.orderStatus(replayed.body.id)).toBe('paid');
    const { rows: charges } = await sql.query('SELECT 1 FROM sandbox_provider_charges WHERE order_id = $1', [replayed.body.id]);
    expect(charges).toHaveLength(1);
  });

  it('replays a guest checkout, its order token included, and a guest payment after crashes between commit and answer', async () => {
    let shop = server ? new ChildShop(server.http) : await start();
    const variantId = await shop.variant(10);
    const cart = (await shop.http.post('/api/v1/carts')).body as { id: string; token: string };
    const cartHeaders = { 'X-Cart-Token': cart.token };
    expect((await shop.http.post(`/api/v1/carts/${cart.id}/items`, { variantId, quantity: 1 }, { headers: cartHeaders })).status).toBe(200);
    server!.kill('SIGKILL');
    await server!.exited;

    shop = await start({ CONGOCART_TEST_CRASH_AFTER_COMMIT: 'checkout' });
    const checkoutKey = randomUUID();
    const body = { email: `guest-${randomUUID()}@congocart.test`, shippingAddress: ADDRESS };
    const guestCheckout = () =>
      shop.http.post(`/api/v1/carts/${cart.id}/checkout`, body, { headers: { ...cartHeaders, 'Idempotency-Key': checkoutKey } });
    await expect(guestCheckout()).rejects.toThrow();
    await crashed();

    // Another process: the stored answer, sealed with the deployment's key, opens there too.
    shop = await start({ CONGOCART_TEST_CRASH_AFTER_COMMIT: 'payments' });
    const replayed = await guestCheckout();
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body.orderToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { rows: orders } = await sql.query('SELECT id FROM orders WHERE email = $1', [body.email]);
    expect(orders.map((o) => o.id)).toEqual([replayed.body.id]);

    const orderHeaders = { 'X-Order-Token': replayed.body.orderToken, 'Idempotency-Key': randomUUID() };
    const guestPay = () =>
      shop.http.post(`/api/v1/guest-orders/${replayed.body.id}/payments`, { paymentToken: 'tok_visa' }, { headers: orderHeaders });
    await expect(guestPay()).rejects.toThrow();
    await crashed();

    shop = await start();
    const paid = await guestPay();
    expect([paid.status, paid.body.status, paid.headers.get('idempotent-replayed')]).toEqual([201, 'succeeded', 'true']);
    const { rows: charges } = await sql.query('SELECT 1 FROM sandbox_provider_charges WHERE order_id = $1', [replayed.body.id]);
    expect(charges).toHaveLength(1);
  });

  it('settles once, by reconciliation, a payment whose provider charged but never answered', async () => {
    const shop = server ? new ChildShop(server.http) : await start();
    const customer = await shop.cartWith(await shop.variant(5));
    const order = (await shop.checkout(customer)).body;

    const lost = await shop.pay(customer, order.id, 'tok_chargeThenTimeout');
    expect([lost.status, lost.body.code]).toEqual([503, 'PAYMENT_PROVIDER_UNAVAILABLE']);
    expect(lost.headers.get('retry-after')).toMatch(/^\d+$/);

    for (let attempt = 0; attempt < 100 && (await shop.orderStatus(order.id)) !== 'paid'; attempt += 1) await sleep(200);
    expect(await shop.orderStatus(order.id)).toBe('paid');
    const { rows } = await sql.query(
      `SELECT (SELECT count(*) FROM sandbox_provider_charges WHERE order_id = $1)::int AS charges,
              (SELECT count(*) FROM payments WHERE order_id = $1 AND status = 'succeeded')::int AS succeeded`,
      [order.id],
    );
    expect(rows[0]).toEqual({ charges: 1, succeeded: 1 });
  });

  it('charges once when the provider fails transiently and the client retries with the same key', async () => {
    const shop = new ChildShop(server!.http);
    const customer = await shop.cartWith(await shop.variant(5));
    const order = (await shop.checkout(customer)).body;
    const key = randomUUID();
    expect((await shop.pay(customer, order.id, 'tok_transientFailure', key)).status).toBe(503);
    const retried = await shop.pay(customer, order.id, 'tok_transientFailure', key);
    expect([retried.status, retried.body.status]).toEqual([201, 'succeeded']);
    const { rows } = await sql.query(`SELECT status FROM sandbox_provider_charges WHERE order_id = $1`, [order.id]);
    expect(rows).toEqual([{ status: 'succeeded' }]);
  });

  it('keeps every invariant', async () => {
    expect(await brokenInvariants(database.url)).toEqual({});
  });

  it('drains on SIGTERM: readiness turns 503, kept-alive connections are still answered, then it exits 0', async () => {
    server?.kill('SIGKILL');
    await server?.exited;
    server = await startServerProcess({ DATABASE_URL: database.url, SHUTDOWN_GRACE_MS: '1500' });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const url = server.baseUrl;
    expect((await request(agent, `${url}/health/live`)).status).toBe(200);

    server.kill('SIGTERM');
    await sleep(50);
    const answered = await request(agent, `${url}/api/v1/categories`);
    expect(answered.status).toBe(200);
    expect((await request(agent, `${url}/health/ready`)).status).toBe(503);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    server = undefined;
    agent.destroy();
  });
});

function request(agent: Agent, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

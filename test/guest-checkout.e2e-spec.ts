import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { registerCustomer } from './support/accounts';
import type { HttpResponse } from './support/http-client';
import { parseMail } from './support/mime';
import { ADDRESS, expectProblem, Shop } from './support/shop';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { until } from './support/until';

const STOREFRONT = 'https://shop.example.com';

describe('Guest checkout (over HTTP, e-mails over SMTP)', () => {
  let t: TestApp;
  let shop: Shop;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: smtp.url, STOREFRONT_URL: STOREFRONT, STORE_NAME: 'Congo Test Store' });
    shop = new Shop(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  interface GuestCart {
    id: string;
    token: string;
  }

  async function guestCart(variantId?: string, quantity = 2): Promise<GuestCart> {
    const created = await t.http.post('/api/v1/carts');
    expect(created.status).toBe(201);
    const cart = created.body as GuestCart;
    if (variantId) {
      const added = await t.http.post(
        `/api/v1/carts/${cart.id}/items`,
        { variantId, quantity },
        { headers: { 'X-Cart-Token': cart.token } },
      );
      expect(added.status).toBe(200);
    }
    return cart;
  }

  function guestEmail(): string {
    return `guest-${randomBytes(5).toString('hex')}@example.com`;
  }

  function checkout(cart: GuestCart, body: Record<string, unknown>, key: string = randomUUID(), cartToken: string | null = cart.token) {
    const headers: Record<string, string> = { 'Idempotency-Key': key };
    if (cartToken !== null) headers['X-Cart-Token'] = cartToken;
    return t.http.post(`/api/v1/carts/${cart.id}/checkout`, body, { headers });
  }

  function withOrderToken(token: string | null): { headers: Record<string, string> } {
    return { headers: token === null ? {} : { 'X-Order-Token': token } };
  }

  function pay(orderId: string, token: string | null, key: string = randomUUID(), paymentToken = 'tok_visa'): Promise<HttpResponse> {
    const options = withOrderToken(token);
    return t.http.post(
      `/api/v1/guest-orders/${orderId}/payments`,
      { paymentToken },
      { headers: { ...options.headers, 'Idempotency-Key': key } },
    );
  }

  async function placedGuestOrder(email = guestEmail()) {
    const variantId = await shop.variant({ price: 1500, stock: 10 });
    const cart = await guestCart(variantId, 2);
    const response = await checkout(cart, { email, shippingAddress: ADDRESS });
    expect(response.status).toBe(201);
    return { order: response.body, variantId, cart, email };
  }

  it('checks out a guest cart, then pays and cancels the order with its order token', async () => {
    const variantId = await shop.variant({ price: 1500, stock: 10 });
    const cart = await guestCart(variantId, 2);
    const response = await checkout(cart, { email: '  Ada.Guest@Example.COM ', shippingAddress: ADDRESS });

    expect(response.status).toBe(201);
    const order = response.body;
    expect(order).toMatchObject({ status: 'pending_payment', customerId: null, email: 'ada.guest@example.com' });
    expect(order.lines).toEqual([expect.objectContaining({ variantId, quantity: 2 })]);
    expect(order.orderToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(order.orderToken, 'base64url')).toHaveLength(32);
    expect(response.headers.get('location')).toBe(`/api/v1/guest-orders/${order.id}`);
    expect(await shop.stock(variantId)).toMatchObject({ onHand: 10, reserved: 2 });

    // Only the SHA-256 of the token is stored; the order's events carry neither it nor a sealed copy.
    const [stored] = await t.sql<{ customer_id: string | null; order_token_hash: Buffer }>(
      'SELECT customer_id, order_token_hash FROM orders WHERE id = $1',
      [order.id],
    );
    expect(stored.customer_id).toBeNull();
    expect(stored.order_token_hash.equals(createHash('sha256').update(order.orderToken).digest())).toBe(true);
    const events = await t.sql<{ type: string; data: string }>(`SELECT type, data::text FROM domain_events WHERE data->>'id' = $1`, [
      order.id,
    ]);
    expect(events.map((event) => event.type)).toEqual(['order.placed']);
    expect(JSON.parse(events[0].data)).toMatchObject({ id: order.id, customerId: null, email: 'ada.guest@example.com' });
    expect(events[0].data).not.toContain(order.orderToken);

    const got = await t.http.get(`/api/v1/guest-orders/${order.id}`, withOrderToken(order.orderToken));
    expect(got.status).toBe(200);
    expect(got.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(got.body).toMatchObject({ id: order.id, status: 'pending_payment', customerId: null });
    expect(got.body.orderToken).toBeUndefined();
    expect(got.body.history).toEqual([expect.objectContaining({ from: null, to: 'pending_payment', actor: 'guest' })]);

    const paid = await pay(order.id, order.orderToken);
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ orderId: order.id, status: 'succeeded', amount: order.total });
    expect(paid.headers.get('location')).toBe(`/api/v1/guest-orders/${order.id}`);
    expect((await t.http.get(`/api/v1/guest-orders/${order.id}`, withOrderToken(order.orderToken))).body.status).toBe('paid');

    const cancelled = await t.http.post(`/api/v1/guest-orders/${order.id}/cancel`, undefined, withOrderToken(order.orderToken));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.payments).toEqual([expect.objectContaining({ status: 'refunded' })]);
    expect(cancelled.body.history.map((entry: { actor: string }) => entry.actor)).toEqual(['guest', 'guest', 'guest']);
    expect(await shop.stock(variantId)).toMatchObject({ onHand: 10, reserved: 0 });

    // Staff see guest orders like any other; the customer filter still works.
    const admin = await shop.adminOrder(order.id);
    expect(admin).toMatchObject({ id: order.id, customerId: null, status: 'cancelled' });
    const listed = await t.http.get('/api/v1/admin/orders?limit=100', { token: shop.staff });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toContainEqual(expect.objectContaining({ id: order.id, customerId: null }));
  });

  it('replays the checkout for the same key and body with the same order token; another body with the key → 422', async () => {
    const variantId = await shop.variant({ stock: 10 });
    const cart = await guestCart(variantId, 1);
    const key = randomUUID();
    const body = { email: guestEmail(), shippingAddress: ADDRESS };
    const first = await checkout(cart, body, key);
    expect(first.status).toBe(201);

    const replay = await checkout(cart, body, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(replay.body.orderToken).toBe(first.body.orderToken);
    expect(replay.headers.get('location')).toBe(`/api/v1/guest-orders/${first.body.id}`);

    // The stored answer that makes the replay possible holds the token sealed, never in the clear.
    const keys = await t.sql<{ response_body: string }>(`SELECT response_body FROM idempotency_keys WHERE key = $1`, [key]);
    expect(keys).toHaveLength(1);
    expect(keys[0].response_body).toMatch(/^sealed:/);
    expect(keys[0].response_body).not.toContain(first.body.orderToken);

    const reused = await checkout(cart, { ...body, email: guestEmail() }, key);
    expectProblem(reused, 422, 'IDEMPOTENCY_KEY_REUSED');

    // The key is the cart holder's: the same key with another cart token replays nothing (and finds no cart).
    const stranger = await checkout(cart, body, key, randomBytes(32).toString('base64url'));
    expectProblem(stranger, 404, 'NOT_FOUND');
    expect(stranger.text).not.toContain(first.body.orderToken);

    const [{ count }] = await t.sql<{ count: number }>(`SELECT count(*)::int AS count FROM orders WHERE email = $1`, [body.email]);
    expect(count).toBe(1);
    expect(await shop.stock(variantId)).toMatchObject({ reserved: 1 });
  });

  it('a missing or wrong X-Order-Token is 404 on read, payment and cancel, and changes nothing', async () => {
    const { order } = await placedGuestOrder();
    const wrong = randomBytes(32).toString('base64url');
    for (const token of [null, wrong, '', order.orderToken.slice(0, -1)]) {
      expectProblem(await t.http.get(`/api/v1/guest-orders/${order.id}`, withOrderToken(token)), 404, 'NOT_FOUND');
      expectProblem(await pay(order.id, token), 404, 'NOT_FOUND');
      expectProblem(await t.http.post(`/api/v1/guest-orders/${order.id}/cancel`, undefined, withOrderToken(token)), 404, 'NOT_FOUND');
    }
    // A customer's order has no order token: not reachable here either.
    const { order: customerOrder } = await shop.pendingOrder();
    expectProblem(await t.http.get(`/api/v1/guest-orders/${customerOrder.id}`, withOrderToken(order.orderToken)), 404, 'NOT_FOUND');
    expectProblem(await t.http.get(`/api/v1/guest-orders/${randomUUID()}`, withOrderToken(order.orderToken)), 404, 'NOT_FOUND');

    const still = await t.http.get(`/api/v1/guest-orders/${order.id}`, withOrderToken(order.orderToken));
    expect(still.body).toMatchObject({ status: 'pending_payment', payments: [] });
  });

  it('a wrong or missing cart token is 404; an empty cart is 422 CART_EMPTY; nothing is reserved', async () => {
    const variantId = await shop.variant({ stock: 5 });
    const cart = await guestCart(variantId, 1);
    const body = { email: guestEmail(), shippingAddress: ADDRESS };
    expectProblem(await checkout(cart, body, randomUUID(), randomBytes(32).toString('base64url')), 404, 'NOT_FOUND');
    expectProblem(await checkout(cart, body, randomUUID(), null), 404, 'NOT_FOUND');
    expectProblem(await checkout({ id: randomUUID(), token: cart.token }, body), 404, 'NOT_FOUND');
    expect(await shop.stock(variantId)).toMatchObject({ reserved: 0 });

    const empty = await guestCart();
    expectProblem(await checkout(empty, body), 422, 'CART_EMPTY');
  });

  it('validates the body: e-mail, address, and no shippingAddressId for guests', async () => {
    const variantId = await shop.variant({ stock: 5 });
    const cart = await guestCart(variantId, 1);
    const bad = await checkout(cart, { email: 'not-an-address', shippingAddress: ADDRESS });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.errors).toContainEqual(expect.objectContaining({ field: 'email' }));
    expectProblem(await checkout(cart, { email: guestEmail(), shippingAddressId: randomUUID() }), 400, 'VALIDATION_FAILED');
    expectProblem(await checkout(cart, { email: guestEmail() }), 400, 'VALIDATION_FAILED');
    expectProblem(await checkout(cart, { shippingAddress: ADDRESS }), 400, 'VALIDATION_FAILED');
    expect(await shop.stock(variantId)).toMatchObject({ reserved: 0 });
  });

  it('20 parallel checkouts of one guest cart with different keys place exactly one order', async () => {
    const variantId = await shop.variant({ stock: 50 });
    const cart = await guestCart(variantId, 3);
    const email = guestEmail();
    const responses = await Promise.all(Array.from({ length: 20 }, () => checkout(cart, { email, shippingAddress: ADDRESS })));

    const created = responses.filter((response) => response.status === 201);
    expect(created).toHaveLength(1);
    // The others find the cart closed (a checked-out guest cart is gone, as on every guest-cart route).
    for (const response of responses.filter((candidate) => candidate.status !== 201)) expectProblem(response, 404, 'NOT_FOUND');
    const [{ count }] = await t.sql<{ count: number }>(`SELECT count(*)::int AS count FROM orders WHERE email = $1`, [email]);
    expect(count).toBe(1);
    expect(await shop.stock(variantId)).toMatchObject({ onHand: 50, reserved: 3 });
  });

  it('sends the confirmation e-mail once, with the order token link on its own line', async () => {
    const { order, email } = await placedGuestOrder();
    const link = `${STOREFRONT}/orders/${order.id}?token=${order.orderToken}`;
    const mails = () => smtp.mails.filter((mail) => mail.to.includes(email));
    await until(async () => mails().length >= 1);
    // Give a duplicate the time to arrive, had there been one.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mails()).toHaveLength(1);
    const mail = parseMail(mails()[0].raw);
    expect(mail.subject).toBe(`Congo Test Store: order ${order.number} confirmed`);
    expect(mail.text.split('\n').map((line) => line.trim())).toContain(link);
    expect(mail.html).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
  });

  it('verifying the e-mail address attaches the guest orders to the account; the order token keeps working', async () => {
    const email = guestEmail();
    const first = await placedGuestOrder(email);
    const second = await placedGuestOrder(email.toUpperCase());
    const other = await placedGuestOrder();

    const account = await registerCustomer(t, { email });
    const before = await t.http.get('/api/v1/orders', { token: account.accessToken });
    expect(before.body.data).toEqual([]);

    const verification = await until(async () => {
      for (const received of smtp.mails.filter((mail) => mail.to.includes(email))) {
        const match = parseMail(received.raw).text.match(/https:\/\/shop\.example\.com\/verify-email\?token=([A-Za-z0-9_-]+)/);
        if (match) return match[1];
      }
      return undefined;
    });
    expect((await t.http.post('/api/v1/auth/verify-email', { token: verification })).status).toBe(204);

    const mine = await t.http.get('/api/v1/orders', { token: account.accessToken });
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((row: { id: string }) => row.id).sort()).toEqual([first.order.id, second.order.id].sort());
    expect(mine.body.data).toContainEqual(expect.objectContaining({ id: first.order.id, customerId: account.user.id }));
    const detail = await t.http.get(`/api/v1/orders/${first.order.id}`, { token: account.accessToken });
    expect(detail.body).toMatchObject({ id: first.order.id, customerId: account.user.id });

    const byToken = await t.http.get(`/api/v1/guest-orders/${first.order.id}`, withOrderToken(first.order.orderToken));
    expect(byToken.status).toBe(200);
    expect(byToken.body.customerId).toBe(account.user.id);
    expect((await pay(second.order.id, second.order.orderToken)).status).toBe(201);

    const [unrelated] = await t.sql<{ customer_id: string | null }>('SELECT customer_id FROM orders WHERE id = $1', [other.order.id]);
    expect(unrelated.customer_id).toBeNull();
  });
});

describe('Guest checkout limits', () => {
  let t: TestApp;
  let shop: Shop;

  beforeAll(async () => {
    t = await startTestApp({ GUEST_CHECKOUT_ATTEMPTS_PER_HOUR_PER_IP: '4', MAX_UNPAID_ORDERS_PER_CUSTOMER: '1' });
    shop = new Shop(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function filledCart(variantId: string): Promise<{ id: string; token: string }> {
    const cart = (await t.http.post('/api/v1/carts')).body;
    await t.http.post(`/api/v1/carts/${cart.id}/items`, { variantId, quantity: 1 }, { headers: { 'X-Cart-Token': cart.token } });
    return cart;
  }

  function checkout(cart: { id: string; token: string }, email: string) {
    return t.http.post(
      `/api/v1/carts/${cart.id}/checkout`,
      { email, shippingAddress: ADDRESS },
      { headers: { 'X-Cart-Token': cart.token, 'Idempotency-Key': randomUUID() } },
    );
  }

  it('counts unpaid guest orders per e-mail address (429 TOO_MANY_UNPAID_ORDERS), then throttles the IP (429 with Retry-After)', async () => {
    const variantId = await shop.variant({ stock: 20 });
    const email = `hoarder-${randomBytes(4).toString('hex')}@example.com`;
    expect((await checkout(await filledCart(variantId), email)).status).toBe(201);

    const hoarding = await checkout(await filledCart(variantId), ` ${email.toUpperCase()}`);
    expectProblem(hoarding, 429, 'TOO_MANY_UNPAID_ORDERS');
    expect(Number(hoarding.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await shop.stock(variantId)).toMatchObject({ reserved: 1 });

    // Two more attempts fill the hour's budget of 4 for this IP; the next is refused before it runs.
    expect((await checkout(await filledCart(variantId), `other-${email}`)).status).toBe(201);
    expect((await checkout(await filledCart(variantId), `third-${email}`)).status).toBe(201);
    const throttled = await checkout(await filledCart(variantId), `fourth-${email}`);
    expectProblem(throttled, 429, 'TOO_MANY_REQUESTS');
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await shop.stock(variantId)).toMatchObject({ reserved: 3 });
  });
});

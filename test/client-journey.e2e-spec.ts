import { randomUUID } from 'node:crypto';
import { createCongoCartClient, type CongoCartClient } from '../clients/typescript/src';
import { assertContract } from './support/contract';
import { ADDRESS, Shop } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The generated TypeScript client (clients/typescript), as a frontend uses it, against the real
 * server: a contract change that breaks frontends breaks this file at compile time; each response
 * is also checked against openapi.json.
 */
describe('typed client: register → browse → cart → checkout → pay → order', () => {
  let t: TestApp;
  let api: CongoCartClient;

  beforeAll(async () => {
    t = await startTestApp();
    api = createCongoCartClient({
      baseUrl: t.baseUrl,
      fetch: async (request: Request) => {
        const response = await fetch(request);
        const text = await response.clone().text();
        const json = text && /json/.test(response.headers.get('content-type') ?? '');
        assertContract(request.method, request.url.slice(t.baseUrl.length), {
          status: response.status,
          headers: response.headers,
          body: json ? JSON.parse(text) : text || undefined,
          text,
        });
        return response;
      },
    });
  });
  afterAll(() => t?.close());

  it('buys a product with nothing but the generated client', async () => {
    const shop = new Shop(t);
    const tag = randomUUID().slice(0, 8);
    const [variantId] = await shop.variants(1, { price: 2500, stock: 5 });
    await t.sql(`UPDATE products SET name = $1 WHERE id = (SELECT product_id FROM product_variants WHERE id = $2)`, [
      `Client Tee ${tag}`,
      variantId,
    ]);

    const registered = await api.POST('/api/v1/auth/register', {
      body: { email: `client-${tag}@example.com`, password: 'a long enough password', name: 'Client Shopper' },
    });
    expect(registered.response.status).toBe(201);
    const session = registered.data!;
    const auth = { headers: { authorization: `Bearer ${session.accessToken}` } };

    const listed = await api.GET('/api/v1/products', { params: { query: { q: tag, inStock: true } } });
    expect(listed.data?.data.map((row) => row.name)).toEqual([`Client Tee ${tag}`]);
    const summary = listed.data!.data[0]!;
    const product = await api.GET('/api/v1/products/{idOrSlug}', { params: { path: { idOrSlug: summary.slug } } });
    const variant = product.data!.variants[0]!;
    expect(variant).toMatchObject({ id: variantId, price: { amount: 2500, currency: 'USD' }, available: 5 });

    const cart = await api.POST('/api/v1/cart/items', { ...auth, body: { variantId: variant.id, quantity: 2 } });
    expect(cart.data).toMatchObject({ itemCount: 2, subtotal: { amount: 5000, currency: 'USD' } });

    const checkout = await api.POST('/api/v1/checkout', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      ...auth,
      body: { shippingAddress: { ...ADDRESS, country: 'GB' } },
    });
    expect(checkout.response.status).toBe(201);
    const order = checkout.data!;
    expect(order).toMatchObject({ status: 'pending_payment', customerId: session.user.id });
    expect(checkout.response.headers.get('location')).toBe(`/api/v1/orders/${order.id}`);

    const declined = await api.POST('/api/v1/orders/{id}/payments', {
      params: { path: { id: order.id }, header: { 'Idempotency-Key': randomUUID() } },
      ...auth,
      body: { paymentToken: 'tok_chargeDeclined' },
    });
    expect(declined.response.status).toBe(402);
    const code: string | undefined = declined.error?.code;
    expect(code).toBe('PAYMENT_DECLINED');

    const paid = await api.POST('/api/v1/orders/{id}/payments', {
      params: { path: { id: order.id }, header: { 'Idempotency-Key': randomUUID() } },
      ...auth,
      body: { paymentToken: 'tok_visa' },
    });
    expect(paid.data).toMatchObject({ status: 'succeeded', amount: order.total, orderId: order.id });

    const fetched = await api.GET('/api/v1/orders/{id}', { params: { path: { id: order.id } }, ...auth });
    expect(fetched.data?.status).toBe('paid');
    expect(fetched.data?.history.map((entry) => [entry.from, entry.to])).toEqual([
      [null, 'pending_payment'],
      ['pending_payment', 'paid'],
    ]);
    const listedOrders = await api.GET('/api/v1/orders', { ...auth });
    expect(listedOrders.data?.data.map((row) => row.id)).toEqual([order.id]);
  });
});

import { createHmac, randomUUID } from 'node:crypto';
import { tokenFor } from './auth';
import type { HttpResponse } from './http-client';
import type { TestApp } from './test-app';

/** Shared set-up of the checkout, orders, payments and journey e2e specs (all over HTTP). */

export const WEBHOOK_SECRET = 'whsec_e2e_secret_0123456789abcdef';
export const ADDRESS = { name: 'Ada Lovelace', line1: '12 St James Sq', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };

export interface Customer {
  token: string;
  userId: string;
}

export function expectProblem(response: HttpResponse, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
}

export class Shop {
  readonly admin: string;
  readonly staff: string;

  constructor(readonly t: TestApp) {
    this.admin = tokenFor(t, 'admin').token;
    this.staff = tokenFor(t, 'staff').token;
  }

  customer(): Customer {
    return tokenFor(this.t, 'customer');
  }

  /** Active product variants (one product), each with `stock` units on hand. */
  async variants(
    count: number,
    { price = 1000, stock = 10, status = 'active' }: { price?: number; stock?: number; status?: string } = {},
  ): Promise<string[]> {
    const tag = randomUUID().slice(0, 8);
    const created = await this.t.http.post(
      '/api/v1/admin/products',
      {
        name: `Order test ${tag}`,
        status,
        variants: Array.from({ length: count }, (_, i) => ({
          sku: `ORD-${tag}-${i}`,
          name: `Size ${i}`,
          options: { size: String(i) },
          price: { amount: price, currency: 'USD' },
        })),
      },
      { token: this.admin },
    );
    if (created.status !== 201) throw new Error(`create product: ${created.status} ${created.text}`);
    const ids = (created.body.variants as { id: string }[]).map((v) => v.id);
    if (stock > 0) for (const id of ids) await this.adjust(id, stock);
    return ids;
  }

  async variant(options: { price?: number; stock?: number; status?: string } = {}): Promise<string> {
    return (await this.variants(1, options))[0];
  }

  async adjust(variantId: string, delta: number): Promise<void> {
    const response = await this.t.http.post(
      `/api/v1/admin/inventory/${variantId}/adjustments`,
      { delta, reason: 'order test stock' },
      { token: this.admin },
    );
    if (response.status !== 200) throw new Error(`adjust stock: ${response.status} ${response.text}`);
  }

  async stock(variantId: string): Promise<{ onHand: number; reserved: number; available: number }> {
    const response = await this.t.http.get(`/api/v1/admin/inventory/${variantId}`, { token: this.staff });
    if (response.status !== 200) throw new Error(`stock level: ${response.status} ${response.text}`);
    const { onHand, reserved, available } = response.body;
    return { onHand, reserved, available };
  }

  async addToCart(customer: Customer, variantId: string, quantity: number): Promise<void> {
    const response = await this.t.http.post('/api/v1/cart/items', { variantId, quantity }, { token: customer.token });
    if (response.status !== 200) throw new Error(`add to cart: ${response.status} ${response.text}`);
  }

  checkout(customer: Customer, key: string = randomUUID(), body: unknown = { shippingAddress: ADDRESS }): Promise<HttpResponse> {
    return this.t.http.post('/api/v1/checkout', body, { token: customer.token, headers: { 'Idempotency-Key': key } });
  }

  /** A fresh customer with an order pending payment for `quantity` units of a new variant. */
  async pendingOrder(
    options: { quantity?: number; price?: number; stock?: number } = {},
  ): Promise<{ customer: Customer; order: any; variantId: string }> {
    const variantId = await this.variant({ price: options.price ?? 1000, stock: options.stock ?? 10 });
    const customer = this.customer();
    await this.addToCart(customer, variantId, options.quantity ?? 2);
    const response = await this.checkout(customer);
    if (response.status !== 201) throw new Error(`checkout: ${response.status} ${response.text}`);
    return { customer, order: response.body, variantId };
  }

  pay(customer: Customer, orderId: string, paymentToken = 'tok_visa', key: string = randomUUID()): Promise<HttpResponse> {
    return this.t.http.post(
      `/api/v1/orders/${orderId}/payments`,
      { paymentToken },
      { token: customer.token, headers: { 'Idempotency-Key': key } },
    );
  }

  async paidOrder(options: { quantity?: number; price?: number; stock?: number } = {}) {
    const placed = await this.pendingOrder(options);
    const paid = await this.pay(placed.customer, placed.order.id);
    if (paid.status !== 201) throw new Error(`pay: ${paid.status} ${paid.text}`);
    return { ...placed, payment: paid.body };
  }

  adminPost(path: string, body?: unknown, token = this.admin): Promise<HttpResponse> {
    return this.t.http.post(`/api/v1/admin/orders${path}`, body, { token });
  }

  async adminOrder(orderId: string): Promise<any> {
    const response = await this.t.http.get(`/api/v1/admin/orders/${orderId}`, { token: this.staff });
    if (response.status !== 200) throw new Error(`admin order: ${response.status} ${response.text}`);
    return response.body;
  }

  /** Posts a webhook signed like the sandbox provider does (override the header to test refusals). */
  webhook(
    event: unknown,
    options: { signature?: string | null; timestamp?: number; secret?: string; raw?: string; provider?: string } = {},
  ): Promise<HttpResponse> {
    const raw = options.raw ?? JSON.stringify(event);
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const signature =
      options.signature === undefined
        ? `t=${timestamp},v1=${createHmac('sha256', options.secret ?? WEBHOOK_SECRET)
            .update(`${timestamp}.${raw}`)
            .digest('hex')}`
        : options.signature;
    const headers: Record<string, string> = signature === null ? {} : { 'Webhook-Signature': signature };
    return this.t.http.request('POST', `/api/v1/payments/webhooks/${options.provider ?? 'sandbox'}`, { raw, headers });
  }
}

export function webhookEvent(type: string, payment: { id: string; orderId: string }, id = `evt_${randomUUID()}`) {
  return { id, type, createdAt: new Date().toISOString(), data: { paymentId: payment.id, orderId: payment.orderId } };
}

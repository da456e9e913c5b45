import { randomUUID } from 'node:crypto';
import type { HttpClient, HttpResponse } from './http-client';
import { tokenAs } from './server-process';
import { ADDRESS, Customer } from './shop';

/** The few shop steps the fault tests need, against a server running as a child process. */
export class ChildShop {
  readonly admin = tokenAs('admin').token;
  readonly staff = tokenAs('staff').token;

  constructor(public http: HttpClient) {}

  customer(): Customer {
    return tokenAs('customer');
  }

  async variant(stock: number, price = 1000): Promise<string> {
    const tag = randomUUID().slice(0, 8);
    const created = await this.http.post(
      '/api/v1/admin/products',
      {
        name: `Fault test ${tag}`,
        status: 'active',
        variants: [{ sku: `FLT-${tag}`, name: 'One', options: {}, price: { amount: price, currency: 'USD' } }],
      },
      { token: this.admin },
    );
    if (created.status !== 201) throw new Error(`create product: ${created.status} ${created.text}`);
    const variantId = created.body.variants[0].id as string;
    const adjusted = await this.http.post(
      `/api/v1/admin/inventory/${variantId}/adjustments`,
      { delta: stock, reason: 'fault test stock' },
      { token: this.admin },
    );
    if (adjusted.status !== 200) throw new Error(`adjust: ${adjusted.status} ${adjusted.text}`);
    return variantId;
  }

  async cartWith(variantId: string, quantity = 1): Promise<Customer> {
    const customer = this.customer();
    const added = await this.http.post('/api/v1/cart/items', { variantId, quantity }, { token: customer.token });
    if (added.status !== 200) throw new Error(`add to cart: ${added.status} ${added.text}`);
    return customer;
  }

  checkout(customer: Customer, key: string = randomUUID()): Promise<HttpResponse> {
    return this.http.post('/api/v1/checkout', { shippingAddress: ADDRESS }, { token: customer.token, headers: { 'Idempotency-Key': key } });
  }

  pay(customer: Customer, orderId: string, paymentToken: string, key: string = randomUUID()): Promise<HttpResponse> {
    return this.http.post(
      `/api/v1/orders/${orderId}/payments`,
      { paymentToken },
      { token: customer.token, headers: { 'Idempotency-Key': key } },
    );
  }

  async orderStatus(orderId: string): Promise<string> {
    const response = await this.http.get(`/api/v1/admin/orders/${orderId}`, { token: this.staff });
    return response.body?.status;
  }
}

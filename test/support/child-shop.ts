import { randomUUID } from 'node:crypto';
import type { HttpClient, HttpResponse } from './http-client';
import { FAULT_ADMIN } from './server-process';
import { ADDRESS, Customer } from './shop';

/** The few shop steps the fault tests need, against a server running as a child process. */
export class ChildShop {
  private adminSession?: Promise<string>;

  constructor(public http: HttpClient) {}

  /** A real session (access tokens name their session, checked on every request): the bootstrap admin's. */
  admin(): Promise<string> {
    this.adminSession ??= this.untilServed(() => this.http.post('/api/v1/auth/login', FAULT_ADMIN)).then((response) => {
      if (response.status !== 200) throw new Error(`admin login: ${response.status} ${response.text}`);
      return response.body.accessToken as string;
    });
    return this.adminSession;
  }

  /** A newly registered customer. */
  async customer(): Promise<Customer> {
    const email = `fault-${randomUUID()}@congocart.test`;
    const response = await this.untilServed(() =>
      this.http.post('/api/v1/auth/register', { email, password: 'fault-test-password', name: 'Fault Shopper' }),
    );
    if (response.status !== 201) throw new Error(`register: ${response.status} ${response.text}`);
    return { token: response.body.accessToken as string, userId: response.body.user.id as string };
  }

  /** Sign-in fails closed (503) while a fault test's Redis recovers: retry until it is served again. */
  private async untilServed(send: () => Promise<HttpResponse>): Promise<HttpResponse> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const response = await send();
      if (response.status !== 503 || Date.now() > deadline) return response;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
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
      { token: await this.admin() },
    );
    if (created.status !== 201) throw new Error(`create product: ${created.status} ${created.text}`);
    const variantId = created.body.variants[0].id as string;
    const adjusted = await this.http.post(
      `/api/v1/admin/inventory/${variantId}/adjustments`,
      { delta: stock, reason: 'fault test stock' },
      { token: await this.admin() },
    );
    if (adjusted.status !== 200) throw new Error(`adjust: ${adjusted.status} ${adjusted.text}`);
    return variantId;
  }

  async cartWith(variantId: string, quantity = 1): Promise<Customer> {
    const customer = await this.customer();
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
    const response = await this.http.get(`/api/v1/admin/orders/${orderId}`, { token: await this.admin() });
    return response.body?.status;
  }
}

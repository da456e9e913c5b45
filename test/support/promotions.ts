import { randomUUID } from 'node:crypto';
import type { HttpResponse } from './http-client';
import type { Customer, Shop } from './shop';

export const usd = (amount: number) => ({ amount, currency: 'USD' });

/** Promotion set-up and cart calls shared by the promotions specs (all over HTTP). */
export class Promotions {
  constructor(private readonly shop: Shop) {}

  private get http() {
    return this.shop.t.http;
  }

  create(body: Record<string, unknown>, token = this.shop.admin): Promise<HttpResponse> {
    return this.http.post('/api/v1/admin/promotions', body, { token });
  }

  async created(body: Record<string, unknown>): Promise<any> {
    const response = await this.create({ name: `Promo ${randomUUID().slice(0, 6)}`, ...body });
    if (response.status !== 201) throw new Error(`promotion: ${response.status} ${response.text}`);
    return response.body;
  }

  /** A fresh code, so specs sharing a database never collide. */
  code(prefix = 'PROMO'): string {
    return `${prefix}${randomUUID().slice(0, 8).toUpperCase()}`;
  }

  get(id: string): Promise<HttpResponse> {
    return this.http.get(`/api/v1/admin/promotions/${id}`, { token: this.shop.admin });
  }

  patch(id: string, body: Record<string, unknown>): Promise<HttpResponse> {
    return this.http.patch(`/api/v1/admin/promotions/${id}`, body, { token: this.shop.admin });
  }

  apply(customer: Customer, code: string): Promise<HttpResponse> {
    return this.http.post('/api/v1/cart/promotion-code', { code }, { token: customer.token });
  }

  async category(name: string, parentId?: string): Promise<string> {
    const response = await this.http.post(
      '/api/v1/admin/categories',
      { name: `${name} ${randomUUID().slice(0, 6)}`, ...(parentId ? { parentId } : {}) },
      { token: this.shop.admin },
    );
    if (response.status !== 201) throw new Error(`category: ${response.status} ${response.text}`);
    return response.body.id;
  }

  /** An active product (optionally in a category) with one variant and stock. */
  async product(price: number, options: { categoryId?: string; stock?: number } = {}): Promise<{ productId: string; variantId: string }> {
    const tag = randomUUID().slice(0, 8);
    const created = await this.http.post(
      '/api/v1/admin/products',
      {
        name: `Promo product ${tag}`,
        status: 'active',
        ...(options.categoryId ? { categoryId: options.categoryId } : {}),
        variants: [{ sku: `PRM-${tag}`, name: 'One', options: {}, price: usd(price) }],
      },
      { token: this.shop.admin },
    );
    if (created.status !== 201) throw new Error(`product: ${created.status} ${created.text}`);
    const variantId = created.body.variants[0].id;
    await this.shop.adjust(variantId, options.stock ?? 100);
    return { productId: created.body.id, variantId };
  }
}

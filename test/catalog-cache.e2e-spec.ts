import { DataSource } from 'typeorm';
import { UpdateProduct } from '../libs/catalog/src/application/update-product.use-case';
import { StockReservations } from '@congocart/inventory';
import { TransactionHost } from '@congocart/shared';
import { tokenFor } from './support/auth';
import { startTestApp, TestApp } from './support/test-app';

describe('catalog read cache', () => {
  let t: TestApp;
  let admin: string;
  let queries = 0;
  let product: { id: string; variants: { id: string }[] };

  beforeAll(async () => {
    t = await startTestApp({ CATALOG_CACHE_TTL_MS: '60000' });
    admin = tokenFor(t, 'admin').token;
    const logger = t.app.get(DataSource).logger;
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (...args: Parameters<typeof logger.logQuery>) => {
      queries++;
      return original(...args);
    };
    const created = await t.http.post(
      '/api/v1/admin/products',
      { name: 'Cached Lamp', status: 'active', variants: [{ sku: 'CACHE-1', name: 'One', price: { amount: 4200, currency: 'USD' } }] },
      { token: admin },
    );
    product = created.body;
  });
  afterAll(() => t?.close());

  async function countingQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
    queries = 0;
    const result = await work();
    return { result, queries };
  }

  it('serves repeated listing, product and category reads without touching the database', async () => {
    for (const path of ['/api/v1/products?q=lamp', '/api/v1/products/cached-lamp', '/api/v1/categories']) {
      const first = await countingQueries(() => t.http.get(path));
      expect(first.result.status).toBe(200);
      expect(first.queries).toBe(1);
      const second = await countingQueries(() => t.http.get(path));
      expect(second.queries).toBe(0);
      expect(second.result.text).toBe(first.result.text);
      expect(second.result.headers.get('etag')).toBe(first.result.headers.get('etag'));
    }
  });

  it('drops cached reads on every admin write, before the write is answered', async () => {
    await t.http.get('/api/v1/products?q=lamp');
    await t.http.get('/api/v1/products/cached-lamp');
    const renamed = await t.http.patch(`/api/v1/admin/products/${product.id}`, { name: 'Cached Lamp Deluxe' }, { token: admin });
    expect(renamed.status).toBe(200);
    expect((await t.http.get('/api/v1/products?q=lamp')).body.data[0].name).toBe('Cached Lamp Deluxe');
    expect((await t.http.get('/api/v1/products/cached-lamp')).body.name).toBe('Cached Lamp Deluxe');

    await t.http.patch(`/api/v1/admin/variants/${product.variants[0].id}`, { price: { amount: 3900, currency: 'USD' } }, { token: admin });
    expect((await t.http.get('/api/v1/products/cached-lamp')).body.variants[0].price.amount).toBe(3900);

    await t.http.delete(`/api/v1/admin/products/${product.id}`, { token: admin });
    expect((await t.http.get('/api/v1/products/cached-lamp')).status).toBe(404);
    expect((await t.http.get('/api/v1/products?q=lamp')).body.data).toEqual([]);
  });

  it('drops cached reads when stock changes availability, whoever changes it', async () => {
    await t.http.patch(`/api/v1/admin/products/${product.id}`, { status: 'active' }, { token: admin });
    expect((await t.http.get('/api/v1/products/cached-lamp')).body.variants[0].available).toBe(0);
    await t.http.post(`/api/v1/admin/inventory/${product.variants[0].id}/adjustments`, { delta: 5, reason: 'delivery' }, { token: admin });
    expect((await t.http.get('/api/v1/products/cached-lamp')).body.variants[0].available).toBe(5);

    // Not over HTTP (a job, an importer): the transaction's commit invalidates, no interceptor needed.
    const reservations = t.app.get(StockReservations);
    await t.app
      .get(TransactionHost)
      .withTransaction(() => reservations.reserve([{ variantId: product.variants[0].id, quantity: 2 }], 'job-1'));
    expect((await t.http.get('/api/v1/products/cached-lamp')).body.variants[0].available).toBe(3);
    await t.app.get(UpdateProduct).execute(product.id, { name: 'Renamed By A Job' }, null);
    expect((await t.http.get('/api/v1/products/cached-lamp')).body.name).toBe('Renamed By A Job');
  });

  it('keeps cached reads when the write rolls back', async () => {
    const cached = await t.http.get('/api/v1/products/cached-lamp');
    const txHost = t.app.get(TransactionHost);
    await expect(
      txHost.withTransaction(async () => {
        await t.app.get(UpdateProduct).execute(product.id, { name: 'Never Committed' }, null);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const again = await countingQueries(() => t.http.get('/api/v1/products/cached-lamp'));
    expect(again.queries).toBe(0);
    expect(again.result.text).toBe(cached.text);
  });
});

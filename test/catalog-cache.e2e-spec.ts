import { DataSource } from 'typeorm';
import { UpdateProduct } from '../libs/catalog/src/application/update-product.use-case';
import { StockReservations } from '@congocart/inventory';
import { TransactionHost } from '@congocart/shared';
import { CatalogCache } from '../libs/catalog/src/application/catalog-cache.port';
import { tokenFor } from './support/auth';
import { describeWithRedis, TEST_REDIS_URL } from './support/redis-probe';
import { startTestApp, TestApp } from './support/test-app';

// The same behaviour from the in-process cache (one instance, no Redis) and from Redis.
describe('catalog read cache, in process', () => catalogCacheSpec({}));
describeWithRedis('test/catalog-cache.e2e-spec.ts')('catalog read cache, in Redis', () => catalogCacheSpec({ REDIS_URL: TEST_REDIS_URL }));

function catalogCacheSpec(env: Record<string, string>): void {
  let t: TestApp;
  let admin: string;
  let queries = 0;
  let product: { id: string; variants: { id: string }[] };

  beforeAll(async () => {
    t = await startTestApp({ CATALOG_CACHE_TTL_MS: '60000', ...env });
    // Redis outlives test runs and databases: start from fresh generations, so no earlier run's entry is served.
    await t.app.get(CatalogCache).invalidate();
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

  it('keeps cached listings through stock changes that leave every variant in stock, and drops them when one runs out or comes back', async () => {
    const created = await t.http.post(
      '/api/v1/admin/products',
      { name: 'Steady Kettle', status: 'active', variants: [{ sku: 'CACHE-K1', name: 'One', price: { amount: 2500, currency: 'USD' } }] },
      { token: admin },
    );
    const variantId = created.body.variants[0].id as string;
    await t.http.post(`/api/v1/admin/inventory/${variantId}/adjustments`, { delta: 5, reason: 'delivery' }, { token: admin });
    const listing = () => t.http.get('/api/v1/products?q=kettle');
    const detail = () => t.http.get('/api/v1/products/steady-kettle');
    expect((await listing()).body.data).toMatchObject([{ name: 'Steady Kettle', inStock: true }]);
    expect((await detail()).body.variants[0].available).toBe(5);
    // Renamed behind the application's back: a cached read still shows the old name, a fresh one the new.
    await t.sql(`UPDATE products SET name = 'Steady Kettle Two' WHERE id = $1`, [created.body.id]);
    const reserve = (quantity: number, reference: string) =>
      t.app.get(TransactionHost).withTransaction(() => t.app.get(StockReservations).reserve([{ variantId, quantity }], reference));

    await reserve(2, 'steady-1'); // 5 → 3: still in stock
    expect((await detail()).body).toMatchObject({ name: 'Steady Kettle Two', variants: [{ available: 3 }] });
    expect((await listing()).body.data).toMatchObject([{ name: 'Steady Kettle', inStock: true }]);

    await reserve(3, 'steady-2'); // 3 → 0: ran out
    expect((await listing()).body.data).toMatchObject([{ name: 'Steady Kettle Two', inStock: false }]);

    await t.sql(`UPDATE products SET name = 'Steady Kettle Three' WHERE id = $1`, [created.body.id]);
    await t.http.post(`/api/v1/admin/inventory/${variantId}/adjustments`, { delta: 1, reason: 'found one' }, { token: admin }); // back
    expect((await listing()).body.data).toMatchObject([{ name: 'Steady Kettle Three', inStock: true }]);
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
}

import { tokenFor } from './support/auth';
import { startTestApp, TestApp } from './support/test-app';

/** Two API instances of one deployment (one database, no Redis), each with its own in-process catalog cache. */
describe('catalog cache across API instances without Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: string;
  let product: { id: string; slug: string; variants: { id: string }[] };

  beforeAll(async () => {
    const env = { CATALOG_CACHE_TTL_MS: '60000', WORKER_MODE: 'off' };
    a = await startTestApp(env);
    b = await startTestApp(env, { sameDatabaseAs: a });
    admin = tokenFor(a, 'admin').token;
    const created = await a.http.post(
      '/api/v1/admin/products',
      { name: 'Cluster Lamp', status: 'active', variants: [{ sku: 'CLUSTER-1', name: 'One', price: { amount: 4200, currency: 'USD' } }] },
      { token: admin },
    );
    product = created.body;
  }, 60_000); // two app instances boot here
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('serves a price change made on one instance from the other within a second (LISTEN/NOTIFY)', async () => {
    expect((await b.http.get(`/api/v1/products/${product.slug}`)).body.variants[0].price.amount).toBe(4200);
    // A write behind the application's back stays invisible: instance b really serves from its cache.
    await b.sql(`UPDATE products SET name = 'Cluster Lamp (renamed in SQL)' WHERE id = $1`, [product.id]);
    expect((await b.http.get(`/api/v1/products/${product.slug}`)).body.name).toBe('Cluster Lamp');

    const changed = await a.http.patch(
      `/api/v1/admin/variants/${product.variants[0].id}`,
      { price: { amount: 3900, currency: 'USD' } },
      { token: admin },
    );
    expect(changed.status).toBe(200);

    const deadline = Date.now() + 1000;
    let served = (await b.http.get(`/api/v1/products/${product.slug}`)).body;
    while (served.variants[0].price.amount !== 3900 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      served = (await b.http.get(`/api/v1/products/${product.slug}`)).body;
    }
    expect(served.variants[0].price.amount).toBe(3900);
    expect(served.name).toBe('Cluster Lamp (renamed in SQL)');
  });
});

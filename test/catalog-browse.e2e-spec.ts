import { DataSource } from 'typeorm';
import { tokenFor } from './support/auth';
import { HttpResponse } from './support/http-client';
import { startTestApp, TestApp } from './support/test-app';

function expectProblem(response: HttpResponse, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
}

interface Summary {
  id: string;
  slug: string;
  name: string;
  categoryId: string | null;
  priceRange: { min: { amount: number; currency: string }; max: { amount: number; currency: string } };
  inStock: boolean;
  createdAt: string;
}

const SORTS = ['-createdAt', 'price', '-price', 'name'] as const;
const SQL_ORDER: Record<(typeof SORTS)[number], string> = {
  '-createdAt': 'created_at DESC, id DESC',
  price: 'price_min ASC, id ASC',
  '-price': 'price_min DESC, id DESC',
  name: 'name ASC, id ASC',
};

describe('catalog browsing', () => {
  let t: TestApp;
  let admin: string;
  const ids: Record<string, string> = {};
  const variants: Record<string, string[]> = {};
  const categories: Record<string, string> = {};

  const list = (query: string) =>
    t.http.get<{ data: Summary[]; page: { limit: number; nextCursor: string | null } }>(`/api/v1/products?${query}`);

  async function createProduct(name: string, prices: number[], extra: Record<string, unknown> = {}): Promise<void> {
    const response = await t.http.post(
      '/api/v1/admin/products',
      {
        name,
        status: 'active',
        ...extra,
        variants: prices.map((amount, i) => ({
          sku: `${(extra.slug as string) ?? name.replace(/\W+/g, '-')}-${i}`.toUpperCase(),
          name: `Option ${i}`,
          price: { amount, currency: 'USD' },
        })),
      },
      { token: admin },
    );
    expect(response.status).toBe(201);
    ids[name] = response.body.id;
    variants[name] = response.body.variants.map((variant: { id: string }) => variant.id);
  }

  async function restock(variantId: string, delta: number): Promise<void> {
    const response = await t.http.post(`/api/v1/admin/inventory/${variantId}/adjustments`, { delta, reason: 'delivery' }, { token: admin });
    expect(response.status).toBe(200);
  }

  beforeAll(async () => {
    t = await startTestApp({ CATALOG_CACHE_TTL_MS: '0' });
    admin = tokenFor(t, 'admin').token;
    const category = async (name: string, parent?: string) => {
      const response = await t.http.post(
        '/api/v1/admin/categories',
        { name, ...(parent ? { parentId: categories[parent] } : {}) },
        { token: admin },
      );
      categories[name] = response.body.id;
    };
    await category('Electronics');
    await category('Computers', 'Electronics');
    await category('Laptops', 'Computers');
    await category('Clothing');

    await createProduct('Laptop Pro 15', [150000, 180000], { categoryId: categories.Laptops, description: 'A fast notebook.' });
    await createProduct('Laptop Air', [99900], { categoryId: categories.Laptops });
    await createProduct('Desktop Tower', [120000], { categoryId: categories.Computers });
    await createProduct('Monitor 27', [30000, 45000], { categoryId: categories.Electronics });
    await createProduct('Running Shoes', [8000, 9500], {
      categoryId: categories.Clothing,
      description: 'Lightweight trainers for trail runs.',
    });
    await createProduct('Wool Socks', [1200], { categoryId: categories.Clothing });
    await createProduct('Rain Jacket', [10000, 25000], { categoryId: categories.Clothing });
    await createProduct('Widget', [500], { slug: 'widget-a' });
    await createProduct('Widget', [500], { slug: 'widget-b' });
    for (let i = 1; i <= 9; i++) await createProduct(`Gadget ${i}`, [1000 * (i % 4) + 700]);
    await createProduct('Secret Laptop', [50000], { status: 'draft' });
    await createProduct('Old Laptop', [40000]);
    await t.http.delete(`/api/v1/admin/products/${ids['Old Laptop']}`, { token: admin });
    const shell = await t.http.post('/api/v1/admin/products', { name: 'Empty Shell', status: 'active' }, { token: admin });
    ids['Empty Shell'] = shell.body.id;
    // Ties on created_at (to the microsecond) prove the id tiebreaker.
    await t.sql(`UPDATE products SET created_at = '2026-01-01T00:00:00.123456Z' WHERE name LIKE 'Gadget %'`);
    await restock(variants['Laptop Air'][0], 3);
    await restock(variants['Wool Socks'][0], 10);
    await restock(variants['Rain Jacket'][1], 1);
    await restock(variants['Gadget 2'][0], 4);
  });
  afterAll(() => t?.close());

  async function pageThrough(query: string, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const response = await list(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.status).toBe(200);
      expect(response.body.data.length).toBeLessThanOrEqual(limit);
      seen.push(...response.body.data.map((row) => row.id));
      cursor = response.body.page.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error('paging did not end');
  }

  const visible = `status = 'active' AND price_min IS NOT NULL`;
  const filters: [string, string][] = [
    ['', visible],
    [`category=electronics`, `${visible} AND category_id IN ('${'{electronics}'}')`],
    ['q=lapt', `${visible} AND name LIKE 'Laptop%'`],
    [
      'minPrice=9000&maxPrice=11000',
      `${visible} AND EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = products.id AND v.price_amount BETWEEN 9000 AND 11000)`,
    ],
    [
      'inStock=true',
      `${visible} AND EXISTS (SELECT 1 FROM product_variants v JOIN stock_levels s ON s.variant_id = v.id WHERE v.product_id = products.id AND s.on_hand - s.reserved > 0)`,
    ],
  ];

  it.each(SORTS)('pages through every filtered set with limit 5 exactly as the full list, in order (sort %s)', async (sort) => {
    for (const [query, condition] of filters) {
      const where = condition.replace(
        `'{electronics}'`,
        [categories.Electronics, categories.Computers, categories.Laptops].map((id) => `'${id}'`).join(','),
      );
      const expected = (await t.sql<{ id: string }>(`SELECT id FROM products WHERE ${where} ORDER BY ${SQL_ORDER[sort]}`)).map(
        (row) => row.id,
      );
      expect(expected.length).toBeGreaterThan(0);
      const full = await list(`${query}&sort=${sort}&limit=100`);
      expect(full.body.data.map((row) => row.id)).toEqual(expected);
      expect(full.body.page.nextCursor).toBeNull();
      expect(await pageThrough(`${query}&sort=${sort}`, 5)).toEqual(expected);
    }
  });

  it('shows only active products that have variants, with their price range and availability', async () => {
    const all = await list('limit=100');
    const names = all.body.data.map((row) => row.name);
    expect(names).toHaveLength(18);
    expect(names).not.toEqual(expect.arrayContaining(['Secret Laptop']));
    expect(names).not.toContain('Old Laptop');
    expect(names).not.toContain('Empty Shell');
    expect(all.headers.get('cache-control')).toBe('public, max-age=30');
    const jacket = all.body.data.find((row) => row.name === 'Rain Jacket');
    expect(jacket).toEqual({
      id: ids['Rain Jacket'],
      slug: 'rain-jacket',
      name: 'Rain Jacket',
      categoryId: categories.Clothing,
      priceRange: { min: { amount: 10000, currency: 'USD' }, max: { amount: 25000, currency: 'USD' } },
      inStock: true,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(all.body.data.find((row) => row.name === 'Monitor 27')?.inStock).toBe(false);
  });

  it('filters by category id or slug, including sub-categories', async () => {
    const bySlug = await list('category=computers&sort=name&limit=100');
    expect(bySlug.body.data.map((row) => row.name)).toEqual(['Desktop Tower', 'Laptop Air', 'Laptop Pro 15']);
    const byId = await list(`category=${categories.Electronics}&sort=name&limit=100`);
    expect(byId.body.data.map((row) => row.name)).toEqual(['Desktop Tower', 'Laptop Air', 'Laptop Pro 15', 'Monitor 27']);
    expect((await list('category=no-such-category')).body.data).toEqual([]);
  });

  it('matches prices inclusively on some variant, not on the range around them', async () => {
    const names = async (query: string) => (await list(`${query}&sort=name&limit=100`)).body.data.map((row) => row.name);
    expect(await names('minPrice=12000&maxPrice=20000')).toEqual([]);
    expect(await names('minPrice=9500&maxPrice=10000')).toEqual(['Rain Jacket', 'Running Shoes']);
    expect(await names('minPrice=150000')).toEqual(['Laptop Pro 15']);
    expect(await names('maxPrice=500')).toEqual(['Widget', 'Widget']);
  });

  it('filters on availability', async () => {
    const names = (await list('inStock=true&sort=name&limit=100')).body.data.map((row) => row.name);
    expect(names).toEqual(['Gadget 2', 'Laptop Air', 'Rain Jacket', 'Wool Socks']);
    expect((await list('inStock=false&limit=100')).body.data).toHaveLength(18);
  });

  it('searches name and description by word prefixes, stemmed, never parsing user syntax', async () => {
    const names = async (q: string) => (await list(`q=${encodeURIComponent(q)}&sort=name&limit=100`)).body.data.map((row) => row.name);
    expect(await names('lapt')).toEqual(['Laptop Air', 'Laptop Pro 15']);
    expect(await names('Laptops')).toEqual(['Laptop Air', 'Laptop Pro 15']);
    expect(await names('notebook')).toEqual(['Laptop Pro 15']);
    expect(await names('trail runn')).toEqual(['Running Shoes']);
    expect(await names(`lapt:* | !'air)&`)).toEqual(['Laptop Air']);
    expect(await names('zzz')).toEqual([]);
    expect(await names('!!!')).toHaveLength(18);
  });

  it('refuses invalid query parameters with 400', async () => {
    for (const query of [
      'sort=popular',
      'limit=0',
      'limit=101',
      'minPrice=1.5',
      'minPrice=abc',
      'minPrice=-1',
      'inStock=yes',
      'colour=red',
      'minPrice=10&maxPrice=5',
      `q=${'a'.repeat(201)}`,
    ]) {
      expectProblem(await list(query), 400, 'VALIDATION_FAILED');
    }
  });

  it('refuses a cursor issued for another filter or sort', async () => {
    const first = await list('q=gadget&limit=2');
    const cursor = encodeURIComponent(first.body.page.nextCursor as string);
    expect((await list(`q=gadget&limit=2&cursor=${cursor}`)).status).toBe(200);
    expectProblem(await list(`q=widget&limit=2&cursor=${cursor}`), 400, 'INVALID_CURSOR');
    expectProblem(await list(`q=gadget&sort=name&limit=2&cursor=${cursor}`), 400, 'INVALID_CURSOR');
    expectProblem(await list(`q=gadget&limit=2&cursor=not-a-cursor`), 400, 'INVALID_CURSOR');
  });

  it('serves a published product by id or slug with variants and availability; drafts and archived are 404', async () => {
    const bySlug = await t.http.get('/api/v1/products/laptop-air');
    expect(bySlug.status).toBe(200);
    expect(bySlug.body).toMatchObject({
      id: ids['Laptop Air'],
      slug: 'laptop-air',
      status: 'active',
      categoryId: categories.Laptops,
      version: 1,
      variants: [
        {
          id: variants['Laptop Air'][0],
          sku: 'LAPTOP-AIR-0',
          name: 'Option 0',
          options: {},
          price: { amount: 99900, currency: 'USD' },
          available: 3,
        },
      ],
    });
    const byId = await t.http.get(`/api/v1/products/${ids['Laptop Air']}`);
    expect(byId.body).toEqual(bySlug.body);
    expectProblem(await t.http.get(`/api/v1/products/${ids['Secret Laptop']}`), 404, 'NOT_FOUND');
    expectProblem(await t.http.get('/api/v1/products/secret-laptop'), 404, 'NOT_FOUND');
    expectProblem(await t.http.get(`/api/v1/products/${ids['Old Laptop']}`), 404, 'NOT_FOUND');
    expectProblem(await t.http.get('/api/v1/products/no-such-thing'), 404, 'NOT_FOUND');
  });

  it('answers If-None-Match with 304 until content, price or availability change', async () => {
    const first = await t.http.get('/api/v1/products/wool-socks');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=30');
    const notModified = await t.http.get('/api/v1/products/wool-socks', { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.get('etag')).toBe(etag);
    expect((await t.http.get('/api/v1/products/wool-socks', { headers: { 'if-none-match': 'W/"other"' } })).status).toBe(200);

    await restock(variants['Wool Socks'][0], 1);
    const afterStock = await t.http.get('/api/v1/products/wool-socks', { headers: { 'if-none-match': etag } });
    expect(afterStock.status).toBe(200);
    expect(afterStock.body.variants[0].available).toBe(11);
    const stockEtag = afterStock.headers.get('etag') as string;
    expect(stockEtag).not.toBe(etag);

    await t.http.patch(
      `/api/v1/admin/variants/${variants['Wool Socks'][0]}`,
      { price: { amount: 1300, currency: 'USD' } },
      { token: admin },
    );
    const afterPrice = await t.http.get('/api/v1/products/wool-socks', { headers: { 'if-none-match': stockEtag } });
    expect(afterPrice.status).toBe(200);
    expect(afterPrice.headers.get('etag')).not.toBe(stockEtag);
  });

  it('costs one SQL statement per listing, whatever the page size and filters', async () => {
    const dataSource = t.app.get(DataSource);
    const logger = dataSource.logger;
    const original = logger.logQuery.bind(logger);
    let count = 0;
    logger.logQuery = (...args: Parameters<typeof logger.logQuery>) => {
      count++;
      return original(...args);
    };
    const queriesFor = async (query: string) => {
      count = 0;
      const response = await list(query);
      expect(response.status).toBe(200);
      return { rows: response.body.data.length, queries: count };
    };
    try {
      const filtered = 'category=electronics&q=lapt&minPrice=1&maxPrice=999999&inStock=true&sort=price';
      expect(await queriesFor('limit=5')).toEqual({ rows: 5, queries: 1 });
      expect(await queriesFor('limit=100')).toEqual({ rows: 18, queries: 1 });
      expect(await queriesFor(`${filtered}&limit=1`)).toEqual({ rows: 1, queries: 1 });
      expect(await queriesFor(`${filtered}&limit=100`)).toEqual({ rows: 1, queries: 1 });
      count = 0;
      expect((await t.http.get('/api/v1/products/laptop-pro-15')).body.variants).toHaveLength(2);
      expect(count).toBe(1);
    } finally {
      logger.logQuery = original;
    }
  });
});

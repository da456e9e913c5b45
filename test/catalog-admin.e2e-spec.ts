import { randomUUID } from 'node:crypto';
import { VariantCatalog } from '@congocart/catalog';
import { tokenFor } from './support/auth';
import { HttpResponse } from './support/http-client';
import { startTestApp, TestApp } from './support/test-app';

function expectProblem(response: HttpResponse, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
}

const price = (amount: number) => ({ amount, currency: 'USD' });

describe('catalog administration', () => {
  let t: TestApp;
  let admin: string;
  let customer: string;

  beforeAll(async () => {
    t = await startTestApp({ CATALOG_CACHE_TTL_MS: '0' });
    admin = tokenFor(t, 'admin').token;
    customer = tokenFor(t, 'customer').token;
  });
  afterAll(() => t?.close());

  const post = (path: string, body: unknown, token = admin) => t.http.post(`/api/v1${path}`, body, { token });
  const patch = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    t.http.patch(`/api/v1${path}`, body, { token: admin, headers });

  it('creates a product with variants, each with a stock level at 0', async () => {
    const created = await post('/admin/products', {
      name: 'Crème Brûlée Torch',
      description: 'Caramelises sugar.',
      status: 'active',
      images: ['https://cdn.example.com/torch.jpg'],
      attributes: { fuel: 'butane' },
      variants: [
        { sku: 'TORCH-RED', name: 'Red', options: { colour: 'red' }, price: price(2999) },
        { sku: 'TORCH-BLK', name: 'Black', price: price(3499) },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/admin/products/${created.body.id}`);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      slug: 'creme-brulee-torch',
      name: 'Crème Brûlée Torch',
      description: 'Caramelises sugar.',
      status: 'active',
      categoryId: null,
      images: ['https://cdn.example.com/torch.jpg'],
      attributes: { fuel: 'butane' },
      version: 1,
    });
    expect(created.body.variants).toHaveLength(2);
    expect(created.body.variants.find((v: { sku: string }) => v.sku === 'TORCH-BLK')).toMatchObject({
      name: 'Black',
      options: {},
      price: price(3499),
      available: 0,
    });
    const levels = await t.sql(`SELECT on_hand FROM stock_levels WHERE variant_id = ANY($1::uuid[])`, [
      created.body.variants.map((v: { id: string }) => v.id),
    ]);
    expect(levels).toEqual([{ on_hand: 0 }, { on_hand: 0 }]);
  });

  it('generates a free slug for a clashing name but refuses a clashing explicit slug', async () => {
    const first = await post('/admin/products', { name: 'Trail Shoe' });
    const second = await post('/admin/products', { name: 'Trail   shoe!' });
    expect([first.body.slug, second.body.slug]).toEqual(['trail-shoe', 'trail-shoe-2']);
    expect(first.body.status).toBe('draft');
    const clash = await post('/admin/products', { name: 'Other', slug: 'trail-shoe' });
    expectProblem(clash, 409, 'SLUG_TAKEN');
  });

  it('lets exactly one of many parallel creates win a slug or a SKU', async () => {
    const slugRace = await Promise.all(Array.from({ length: 8 }, () => post('/admin/products', { name: 'Race', slug: 'race-slug' })));
    expect(slugRace.filter((r) => r.status === 201)).toHaveLength(1);
    slugRace.filter((r) => r.status !== 201).forEach((r) => expectProblem(r, 409, 'SLUG_TAKEN'));

    const skuRace = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        post('/admin/products', { name: `Sku race ${i}`, variants: [{ sku: 'RACE-SKU', name: 'One', price: price(100) }] }),
      ),
    );
    expect(skuRace.filter((r) => r.status === 201)).toHaveLength(1);
    skuRace.filter((r) => r.status !== 201).forEach((r) => expectProblem(r, 409, 'SKU_TAKEN'));
    // The losers left nothing behind: their whole transaction rolled back.
    expect(await t.sql(`SELECT count(*)::int AS n FROM products WHERE name LIKE 'Sku race %'`)).toEqual([{ n: 1 }]);
  });

  it('refuses a taken SKU when adding or renaming a variant', async () => {
    const product = await post('/admin/products', { name: 'Mug', variants: [{ sku: 'MUG-1', name: 'White', price: price(900) }] });
    expectProblem(
      await post(`/admin/products/${product.body.id}/variants`, { sku: 'MUG-1', name: 'Again', price: price(900) }),
      409,
      'SKU_TAKEN',
    );
    const second = await post(`/admin/products/${product.body.id}/variants`, { sku: 'MUG-2', name: 'Black', price: price(950) });
    expect(second.status).toBe(201);
    expect(second.headers.get('location')).toBe(`/api/v1/admin/products/${product.body.id}`);
    expectProblem(await patch(`/admin/variants/${second.body.id}`, { sku: 'MUG-1' }), 409, 'SKU_TAKEN');
  });

  it('rejects invalid bodies with field errors', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'X', colour: 'red' }, 'colour'],
      [{ name: 'X', variants: [{ sku: 'A-1', name: 'A', price: { amount: '2', currency: 'USD' } }] }, 'variants.0.price.amount'],
      [{ name: 'X', variants: [{ sku: 'A-1', name: 'A', price: { amount: 1.5, currency: 'USD' } }] }, 'variants.0.price.amount'],
      [{ name: 'X', variants: [{ sku: 'A-1', name: 'A', price: { amount: -1, currency: 'USD' } }] }, 'variants.0.price.amount'],
      [{ name: 'X', variants: [{ sku: 'A-1', name: 'A', price: { amount: 100, currency: 'EUR' } }] }, 'variants.0.price.currency'],
      [{ name: 'X', variants: [{ sku: 'A-1', name: 'A', price: price(1), extra: 1 }] }, 'variants.0.extra'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'X', slug: 'Not A Slug' }, 'slug'],
      [{ name: 'X', images: ['http://insecure.example.com/a.jpg'] }, 'images'],
      [{ name: 'X', images: Array.from({ length: 11 }, (_, i) => `https://cdn.example.com/${i}.jpg`) }, 'images'],
      [{ name: 'X', attributes: { size: 3 } }, 'attributes'],
      [{ name: 'X', status: 'archived' }, 'status'],
      [{ name: 'X', categoryId: 'not-a-uuid' }, 'categoryId'],
      [{ name: null }, 'name'],
    ];
    for (const [body, field] of cases) {
      const response = await post('/admin/products', body);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await t.sql(`SELECT count(*)::int AS n FROM products WHERE name = 'X'`)).toEqual([{ n: 0 }]);
  });

  it('rejects a price in another currency when adding or changing a variant', async () => {
    const product = await post('/admin/products', { name: 'Lamp', variants: [{ sku: 'LAMP-1', name: 'Lamp', price: price(5000) }] });
    const added = await post(`/admin/products/${product.body.id}/variants`, {
      sku: 'LAMP-2',
      name: 'Lamp 2',
      price: { amount: 10, currency: 'GBP' },
    });
    expectProblem(added, 400, 'VALIDATION_FAILED');
    expect(added.body.errors).toEqual([expect.objectContaining({ field: 'price.currency' })]);
    expectProblem(
      await patch(`/admin/variants/${product.body.variants[0].id}`, { price: { amount: 10, currency: 'GBP' } }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('keeps admin routes for admins: anonymous 401, customers and staff 403', async () => {
    expectProblem(await t.http.get('/api/v1/admin/products'), 401, 'UNAUTHORIZED');
    expectProblem(await post('/admin/products', { name: 'Nope' }, customer), 403, 'FORBIDDEN');
    expectProblem(await post('/admin/categories', { name: 'Nope' }, tokenFor(t, 'staff').token), 403, 'FORBIDDEN');
    expectProblem(await t.http.get('/api/v1/admin/products', { token: customer }), 403, 'FORBIDDEN');
  });

  it('updates with If-Match: a stale version → 412 and nothing changes, the current one → new ETag', async () => {
    const product = await post('/admin/products', { name: 'Kettle', description: 'Boils.' });
    const read = await t.http.get(`/api/v1/admin/products/${product.body.id}`, { token: admin });
    expect(read.headers.get('etag')).toBe('"1"');

    const updated = await patch(`/admin/products/${product.body.id}`, { name: 'Kettle 2', description: null }, { 'if-match': '"1"' });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"2"');
    expect(updated.body).toMatchObject({ name: 'Kettle 2', description: null, version: 2, slug: 'kettle' });

    const stale = await patch(`/admin/products/${product.body.id}`, { name: 'Lost update' }, { 'if-match': '"1"' });
    expectProblem(stale, 412, 'PRECONDITION_FAILED');
    expectProblem(await patch(`/admin/products/${product.body.id}`, { name: 'Weak' }, { 'if-match': 'W/"2"' }), 412, 'PRECONDITION_FAILED');
    const after = await t.http.get(`/api/v1/admin/products/${product.body.id}`, { token: admin });
    expect(after.body).toMatchObject({ name: 'Kettle 2', version: 2 });

    const concurrent = await Promise.all(
      ['A', 'B', 'C', 'D'].map((name) => patch(`/admin/products/${product.body.id}`, { name }, { 'if-match': '"2"' })),
    );
    expect(concurrent.map((r) => r.status).sort()).toEqual([200, 412, 412, 412]);
  });

  it('publishes, hides and clears fields with PATCH; a variant change moves the product version', async () => {
    const category = await post('/admin/categories', { name: 'Kitchen' });
    const product = await post('/admin/products', {
      name: 'Pan',
      categoryId: category.body.id,
      variants: [{ sku: 'PAN-1', name: 'Pan', price: price(2500) }],
    });
    expect(product.body.categoryId).toBe(category.body.id);
    const published = await patch(`/admin/products/${product.body.id}`, { status: 'active', categoryId: null });
    expect(published.body).toMatchObject({ status: 'active', categoryId: null, version: 2 });

    const variant = await patch(`/admin/variants/${product.body.variants[0].id}`, { price: price(2700), options: { size: '28cm' } });
    expect(variant.status).toBe(200);
    expect(variant.body).toMatchObject({ sku: 'PAN-1', name: 'Pan', price: price(2700), options: { size: '28cm' }, available: 0 });
    const read = await t.http.get(`/api/v1/admin/products/${product.body.id}`, { token: admin });
    expect(read.headers.get('etag')).toBe('"3"');

    const archived = await t.http.delete(`/api/v1/admin/products/${product.body.id}`, { token: admin });
    expect(archived.status).toBe(204);
    expect((await t.http.get(`/api/v1/admin/products/${product.body.id}`, { token: admin })).body.status).toBe('archived');
    expect((await t.http.get(`/api/v1/products/${product.body.id}`)).status).toBe(404);
  });

  it('answers 404 for unknown ids on every method', async () => {
    const unknown = randomUUID();
    const responses = [
      await t.http.get(`/api/v1/admin/products/${unknown}`, { token: admin }),
      await patch(`/admin/products/${unknown}`, { name: 'X' }),
      await patch(`/admin/products/${unknown}`, {}),
      await t.http.delete(`/api/v1/admin/products/${unknown}`, { token: admin }),
      await post(`/admin/products/${unknown}/variants`, { sku: 'NOPE-1', name: 'X', price: price(1) }),
      await patch(`/admin/variants/${unknown}`, { name: 'X' }),
      await patch(`/admin/categories/${unknown}`, { name: 'X' }),
      await t.http.delete(`/api/v1/admin/categories/${unknown}`, { token: admin }),
      await t.http.get(`/api/v1/products/${unknown}`),
      await t.http.get(`/api/v1/admin/products/not-a-uuid`, { token: admin }),
    ];
    responses.forEach((response) => expectProblem(response, 404, 'NOT_FOUND'));
  });

  it('refuses an unknown category or parent in a body with 400 UNKNOWN_CATEGORY', async () => {
    const product = await post('/admin/products', { name: 'Orphan', categoryId: randomUUID() });
    expectProblem(product, 400, 'UNKNOWN_CATEGORY');
    expect(product.body.errors).toEqual([expect.objectContaining({ field: 'categoryId' })]);
    expectProblem(await post('/admin/categories', { name: 'Orphan', parentId: randomUUID() }), 400, 'UNKNOWN_CATEGORY');
  });

  it('maintains the category tree: slugs, moves without cycles, deletes only when empty', async () => {
    const root = await post('/admin/categories', { name: 'Outdoor' });
    expect(root.status).toBe(201);
    expect(root.headers.get('location')).toBe('/api/v1/categories');
    expect(root.body).toEqual({ id: expect.any(String), name: 'Outdoor', slug: 'outdoor', parentId: null });
    const child = await post('/admin/categories', { name: 'Tents', parentId: root.body.id });
    const grandchild = await post('/admin/categories', { name: 'Pegs', slug: 'tent-pegs', parentId: child.body.id });
    expect(grandchild.body).toMatchObject({ slug: 'tent-pegs', parentId: child.body.id });
    expectProblem(await post('/admin/categories', { name: 'Again', slug: 'outdoor' }), 409, 'SLUG_TAKEN');

    expectProblem(await patch(`/admin/categories/${root.body.id}`, { parentId: grandchild.body.id }), 409, 'CATEGORY_CYCLE');
    expectProblem(await patch(`/admin/categories/${root.body.id}`, { parentId: root.body.id }), 409, 'CATEGORY_CYCLE');
    const renamed = await patch(`/admin/categories/${grandchild.body.id}`, { name: 'Tent pegs', parentId: root.body.id });
    expect(renamed.body).toMatchObject({ name: 'Tent pegs', parentId: root.body.id });

    expectProblem(await t.http.delete(`/api/v1/admin/categories/${root.body.id}`, { token: admin }), 409, 'CATEGORY_IN_USE');
    const product = await post('/admin/products', { name: 'Tent', categoryId: child.body.id });
    await t.http.delete(`/api/v1/admin/products/${product.body.id}`, { token: admin });
    // An archived product still belongs to its category.
    expectProblem(await t.http.delete(`/api/v1/admin/categories/${child.body.id}`, { token: admin }), 409, 'CATEGORY_IN_USE');
    await patch(`/admin/products/${product.body.id}`, { categoryId: null });
    expect((await t.http.delete(`/api/v1/admin/categories/${child.body.id}`, { token: admin })).status).toBe(204);

    const tree = await t.http.get('/api/v1/categories');
    expect(tree.status).toBe(200);
    const outdoor = tree.body.data.find((node: { id: string }) => node.id === root.body.id);
    expect(outdoor).toEqual({
      id: root.body.id,
      name: 'Outdoor',
      slug: 'outdoor',
      parentId: null,
      children: [{ id: grandchild.body.id, name: 'Tent pegs', slug: 'tent-pegs', parentId: root.body.id, children: [] }],
    });
  });

  it('lists every product for admins, filtered by status, paged without gaps', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: HttpResponse = await t.http.get(`/api/v1/admin/products?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token: admin });
      expect(page.status).toBe(200);
      all.push(...page.body.data.map((row: { id: string }) => row.id));
      cursor = page.body.page.nextCursor;
    } while (cursor);
    const expected = await t.sql<{ id: string }>(`SELECT id FROM products ORDER BY created_at DESC, id DESC`);
    expect(all).toEqual(expected.map((row) => row.id));

    const drafts = await t.http.get('/api/v1/admin/products?status=draft&limit=100', { token: admin });
    expect(drafts.body.data.length).toBeGreaterThan(0);
    expect(drafts.body.data.every((row: { status: string }) => row.status === 'draft')).toBe(true);
    expectProblem(await t.http.get('/api/v1/admin/products?status=gone', { token: admin }), 400, 'VALIDATION_FAILED');
  });

  it('tells other contexts about variants through VariantCatalog', async () => {
    const active = await post('/admin/products', {
      name: 'Sellable',
      status: 'active',
      variants: [{ sku: 'SELL-1', name: 'One', options: { a: 'b' }, price: price(123) }],
    });
    const draft = await post('/admin/products', { name: 'Not yet', variants: [{ sku: 'DRAFT-1', name: 'One', price: price(456) }] });
    const unknown = randomUUID();
    const found = await t.app.get(VariantCatalog).findVariants([active.body.variants[0].id, draft.body.variants[0].id, unknown, 'junk']);
    expect(found.size).toBe(2);
    expect(found.get(active.body.variants[0].id)).toEqual({
      variantId: active.body.variants[0].id,
      productId: active.body.id,
      productName: 'Sellable',
      sku: 'SELL-1',
      name: 'One',
      options: { a: 'b' },
      unitPrice: price(123),
      purchasable: true,
      taxCategory: 'standard',
      categoryIds: [],
    });
    expect(found.get(draft.body.variants[0].id)?.purchasable).toBe(false);
  });

  it('gives each quote its product’s category and every ancestor, nearest first (promotions scope on them)', async () => {
    const root = await post('/admin/categories', { name: 'Quote root' });
    const middle = await post('/admin/categories', { name: 'Quote middle', parentId: root.body.id });
    const leaf = await post('/admin/categories', { name: 'Quote leaf', parentId: middle.body.id });
    const product = await post('/admin/products', {
      name: 'Scoped',
      status: 'active',
      categoryId: leaf.body.id,
      variants: [{ sku: 'SCOPED-1', name: 'One', price: price(100) }],
    });
    const found = await t.app.get(VariantCatalog).findVariants([product.body.variants[0].id]);
    expect(found.get(product.body.variants[0].id)?.categoryIds).toEqual([leaf.body.id, middle.body.id, root.body.id]);
  });
});

import { randomUUID } from 'node:crypto';
import { registerCustomer, SignedInAccount } from './support/accounts';
import { expectProblem, Shop } from './support/shop';
import { startTestApp, TestApp } from './support/test-app';
import { AddressBook } from '@congocart/identity';

const HOME = { name: 'Ada Lovelace', line1: '12 St James’s Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };

describe('Accounts: address book', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  const add = (account: SignedInAccount, body: Record<string, unknown>) =>
    t.http.post('/api/v1/me/addresses', body, { token: account.accessToken });
  const list = async (account: SignedInAccount) =>
    (await t.http.get('/api/v1/me/addresses', { token: account.accessToken })).body.data as { id: string; isDefault: boolean }[];

  it('creates, reads, updates and deletes an address; the first one becomes the default', async () => {
    const account = await registerCustomer(t);
    expect(await list(account)).toEqual([]);
    const created = await add(account, { ...HOME, label: ' Home ', line2: 'Flat 3', region: '  ' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/me/addresses/${created.body.id}`);
    expect(created.body).toEqual({
      id: expect.any(String),
      label: 'Home',
      isDefault: true,
      ...HOME,
      line2: 'Flat 3',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const path = `/api/v1/me/addresses/${created.body.id}`;
    expect((await t.http.get(path, { token: account.accessToken })).body).toEqual(created.body);

    const patched = await t.http.patch(
      path,
      { city: 'Paris', country: 'FR', postalCode: '75001', line2: null, label: null },
      { token: account.accessToken },
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ city: 'Paris', country: 'FR', postalCode: '75001', name: HOME.name, isDefault: true });
    expect(patched.body).not.toHaveProperty('line2');
    expect(patched.body).not.toHaveProperty('label');

    expect((await t.http.delete(path, { token: account.accessToken })).status).toBe(204);
    expect((await t.http.get(path, { token: account.accessToken })).status).toBe(404);
    expect((await t.http.delete(path, { token: account.accessToken })).status).toBe(404);
  });

  it('validates like the checkout address and refuses unknown fields', async () => {
    const account = await registerCustomer(t);
    const invalid = await add(account, { ...HOME, country: 'XX', postalCode: 'A_1', city: ' ' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['city', 'country', 'postalCode']);
    expect((await add(account, { ...HOME, phone: '123' })).status).toBe(400);
    expect((await add(account, { ...HOME, isDefault: 'true' })).status).toBe(400);
    const { id } = (await add(account, HOME)).body;
    expect((await t.http.patch(`/api/v1/me/addresses/${id}`, { name: null }, { token: account.accessToken })).status).toBe(400);
    expect((await t.http.patch(`/api/v1/me/addresses/${id}`, { country: 'gb' }, { token: account.accessToken })).status).toBe(400);
  });

  it('keeps one default: isDefault moves it, deleting it passes it to the newest remaining address', async () => {
    const account = await registerCustomer(t);
    const first = (await add(account, { ...HOME, label: 'first' })).body;
    const second = (await add(account, { ...HOME, label: 'second' })).body;
    expect(second.isDefault).toBe(false);
    const third = (await add(account, { ...HOME, label: 'third', isDefault: true })).body;
    expect(third.isDefault).toBe(true);
    expect((await list(account)).filter((entry) => entry.isDefault).map((entry) => entry.id)).toEqual([third.id]);

    const moved = await t.http.patch(`/api/v1/me/addresses/${first.id}`, { isDefault: true }, { token: account.accessToken });
    expect(moved.body.isDefault).toBe(true);
    expect((await list(account)).map((entry) => [entry.id, entry.isDefault])).toEqual([
      [first.id, true],
      [third.id, false],
      [second.id, false],
    ]);

    const unset = await t.http.patch(`/api/v1/me/addresses/${first.id}`, { isDefault: false }, { token: account.accessToken });
    expect(unset.status).toBe(409);
    expect(unset.body.code).toBe('DEFAULT_ADDRESS_REQUIRED');

    await t.http.delete(`/api/v1/me/addresses/${first.id}`, { token: account.accessToken });
    expect((await list(account)).find((entry) => entry.isDefault)?.id).toBe(third.id);
    await t.http.delete(`/api/v1/me/addresses/${third.id}`, { token: account.accessToken });
    expect(await list(account)).toEqual([expect.objectContaining({ id: second.id, isDefault: true })]);
  });

  it('another user’s address is 404 on every method, and AddressBook.findOwn returns null for it', async () => {
    const owner = await registerCustomer(t);
    const stranger = await registerCustomer(t);
    const { id } = (await add(owner, HOME)).body;
    const path = `/api/v1/me/addresses/${id}`;
    expect((await t.http.get(path, { token: stranger.accessToken })).status).toBe(404);
    expect((await t.http.patch(path, { city: 'Leeds' }, { token: stranger.accessToken })).status).toBe(404);
    expect((await t.http.delete(path, { token: stranger.accessToken })).status).toBe(404);
    expect(await list(stranger)).toEqual([]);
    expect((await t.http.get(path, { token: owner.accessToken })).body.city).toBe('London');
    expect((await t.http.get('/api/v1/me/addresses/not-a-uuid', { token: owner.accessToken })).status).toBe(404);

    const book = t.app.get(AddressBook);
    expect(await book.findOwn(owner.user.id, id)).toEqual(HOME);
    expect(await book.findOwn(stranger.user.id, id)).toBeNull();
  });

  it('holds at most 20 addresses: the 21st is 409 ADDRESS_LIMIT', async () => {
    const account = await registerCustomer(t);
    for (let i = 0; i < 20; i++) expect((await add(account, { ...HOME, label: `#${i}` })).status).toBe(201);
    const refused = await add(account, { ...HOME, label: '#21', isDefault: true });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ADDRESS_LIMIT');
    const book = await list(account);
    expect(book).toHaveLength(20);
    // The refused isDefault did not take the default away.
    expect(book.filter((entry) => entry.isDefault)).toHaveLength(1);
  });

  it('parallel requests cannot take a book past 20, and leave exactly one default', async () => {
    const account = await registerCustomer(t);
    const answers = await Promise.all(
      Array.from({ length: 26 }, (_, i) => add(account, { ...HOME, label: `parallel ${i}`, isDefault: i % 2 === 0 })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(20);
    expect(statuses.filter((status) => status === 409)).toHaveLength(6);
    const rows = await t.sql<{ n: string; defaults: string }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE is_default) AS defaults FROM addresses WHERE user_id = $1`,
      [account.user.id],
    );
    expect(rows[0]).toEqual({ n: '20', defaults: '1' });
  });

  it('needs a signed-in user', async () => {
    expect((await t.http.get('/api/v1/me/addresses')).status).toBe(401);
    expect((await t.http.post('/api/v1/me/addresses', HOME)).status).toBe(401);
  });

  describe('checkout to a saved address (shippingAddressId)', () => {
    const checkout = (account: SignedInAccount, body: Record<string, unknown>) =>
      t.http.post('/api/v1/checkout', body, { token: account.accessToken, headers: { 'Idempotency-Key': randomUUID() } });

    async function withCart(account: SignedInAccount): Promise<string> {
      const variantId = await new Shop(t).variant({ stock: 10 });
      expect((await t.http.post('/api/v1/cart/items', { variantId, quantity: 1 }, { token: account.accessToken })).status).toBe(200);
      return variantId;
    }

    it('ships to a copy of my own address: later edits of the address book do not change the order', async () => {
      const account = await registerCustomer(t);
      await withCart(account);
      const { id } = (await add(account, { ...HOME, line2: 'Flat 3', region: 'Greater London' })).body;

      const placed = await checkout(account, { shippingAddressId: id });
      expect(placed.status).toBe(201);
      expect(placed.body.shippingAddress).toEqual({ ...HOME, line2: 'Flat 3', region: 'Greater London' });

      expect(
        (await t.http.patch(`/api/v1/me/addresses/${id}`, { city: 'Paris', country: 'FR' }, { token: account.accessToken })).status,
      ).toBe(200);
      expect((await t.http.delete(`/api/v1/me/addresses/${id}`, { token: account.accessToken })).status).toBe(204);
      const order = await t.http.get(`/api/v1/orders/${placed.body.id}`, { token: account.accessToken });
      expect(order.body.shippingAddress).toMatchObject({ city: 'London', country: 'GB', line2: 'Flat 3' });
    });

    it('another user’s or an unknown address id → 404, and the cart stays as it was', async () => {
      const owner = await registerCustomer(t);
      const buyer = await registerCustomer(t);
      const variantId = await withCart(buyer);
      const { id } = (await add(owner, HOME)).body;

      expectProblem(await checkout(buyer, { shippingAddressId: id }), 404, 'NOT_FOUND');
      expectProblem(await checkout(buyer, { shippingAddressId: randomUUID() }), 404, 'NOT_FOUND');
      expect((await t.http.get('/api/v1/cart', { token: buyer.accessToken })).body.items).toEqual([expect.objectContaining({ variantId })]);
      expect((await t.http.get('/api/v1/orders', { token: buyer.accessToken })).body.data).toEqual([]);
    });

    it('exactly one of shippingAddress and shippingAddressId: both or neither → 400 naming both fields', async () => {
      const account = await registerCustomer(t);
      await withCart(account);
      const { id } = (await add(account, HOME)).body;
      for (const body of [{ shippingAddress: HOME, shippingAddressId: id }, {}]) {
        const refused = await checkout(account, body);
        expectProblem(refused, 400, 'VALIDATION_FAILED');
        expect(refused.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['shippingAddress', 'shippingAddressId']);
      }
      expectProblem(await checkout(account, { shippingAddressId: 'not-a-uuid' }), 400, 'VALIDATION_FAILED');
      expect((await t.http.get('/api/v1/orders', { token: account.accessToken })).body.data).toEqual([]);
    });
  });
});

import { randomUUID } from 'node:crypto';
import { TransactionHost } from '@nestjs-cls/transactional';
import {
  INVENTORY_AVAILABILITY_VIEW,
  InventoryAvailability,
  InsufficientStockError,
  StockLevels,
  StockReservations,
} from '@congocart/inventory';
import { tokenFor } from './support/auth';
import type { HttpResponse } from './support/http-client';
import { startTestApp, TestApp } from './support/test-app';

describe('inventory: stock levels, adjustments and the movement ledger', () => {
  let t: TestApp;
  let staff: string;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = tokenFor(t, 'staff').token;
    ({ token: admin, userId: adminId } = tokenFor(t, 'admin'));
  });
  afterAll(() => t?.close());

  const inTransaction = <T>(fn: () => Promise<T>): Promise<T> => t.app.get(TransactionHost).withTransaction(fn);
  const reservations = () => t.app.get(StockReservations);

  async function newVariant(onHand = 0, variantId = randomUUID()): Promise<string> {
    await inTransaction(() => t.app.get(StockLevels).createFor(variantId));
    if (onHand) expect((await adjust(variantId, onHand)).status).toBe(200);
    return variantId;
  }

  /** Ids in ascending order: the order in which the reservation API visits (and locks) rows. */
  const ascendingIds = (count: number) => Array.from({ length: count }, () => randomUUID()).sort();

  function adjust(variantId: string, delta: unknown, reason: unknown = 'Recount', token = admin): Promise<HttpResponse> {
    return t.http.post(`/api/v1/admin/inventory/${variantId}/adjustments`, { delta, reason }, { token });
  }

  async function level(variantId: string) {
    const response = await t.http.get(`/api/v1/admin/inventory/${variantId}`, { token: staff });
    expect(response.status).toBe(200);
    return response.body as { variantId: string; onHand: number; reserved: number; available: number };
  }

  async function allMovements(variantId: string, limit = 100) {
    const movements: { id: string; delta: number; reservedDelta: number; kind: string }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await t.http.get(`/api/v1/admin/inventory/${variantId}/movements${query}`, { token: staff });
      expect(response.status).toBe(200);
      movements.push(...response.body.data);
      cursor = response.body.page.nextCursor;
    } while (cursor);
    return movements;
  }

  function expectProblem(response: HttpResponse, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe(code);
  }

  describe('reading and adjusting over HTTP', () => {
    it('gives every new variant a stock level at zero, and creating it twice changes nothing', async () => {
      const variantId = await newVariant(5);
      await inTransaction(() => t.app.get(StockLevels).createFor(variantId));
      expect(await level(variantId)).toEqual({ variantId, onHand: 5, reserved: 0, available: 5 });
      const fresh = await newVariant();
      expect(await level(fresh)).toEqual({ variantId: fresh, onHand: 0, reserved: 0, available: 0 });
    });

    it('lets staff and admins post adjustments and returns the new level', async () => {
      const variantId = await newVariant();
      const first = await adjust(variantId, 12, 'Delivery PO-1', admin);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ variantId, onHand: 12, reserved: 0, available: 12 });
      const second = await adjust(variantId, -2, 'Damaged in storage', staff);
      expect(second.body).toEqual({ variantId, onHand: 10, reserved: 0, available: 10 });
    });

    it('records who adjusted, why, and when, newest first', async () => {
      const variantId = await newVariant();
      await adjust(variantId, 3, '  Found in back room  ', admin);
      const response = await t.http.get(`/api/v1/admin/inventory/${variantId}/movements`, { token: admin });
      expect(response.status).toBe(200);
      expect(response.body.page).toEqual({ limit: 20, nextCursor: null });
      expect(response.body.data).toEqual([
        {
          id: expect.any(String),
          kind: 'adjustment',
          delta: 3,
          reservedDelta: 0,
          reason: 'Found in back room',
          reference: null,
          actorId: adminId,
          createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        },
      ]);
    });

    it('refuses to take on hand below what is reserved, with 409 STOCK_BELOW_RESERVED, and changes nothing', async () => {
      const variantId = await newVariant(10);
      await inTransaction(() => reservations().reserve([{ variantId, quantity: 4 }], 'order-1'));

      const refused = await adjust(variantId, -7);
      expectProblem(refused, 409, 'STOCK_BELOW_RESERVED');
      expect(refused.body).toMatchObject({ onHand: 10, reserved: 4, delta: -7 });
      expect(await level(variantId)).toEqual({ variantId, onHand: 10, reserved: 4, available: 6 });
      expect(await allMovements(variantId)).toHaveLength(2);

      const allowed = await adjust(variantId, -6);
      expect(allowed.body).toEqual({ variantId, onHand: 4, reserved: 4, available: 0 });
    });

    it('refuses to take on hand below zero', async () => {
      const variantId = await newVariant(3);
      expectProblem(await adjust(variantId, -4), 409, 'STOCK_BELOW_RESERVED');
      expect((await level(variantId)).onHand).toBe(3);
    });

    it('applies concurrent adjustments exactly: 20 parallel −1 on 10 units leave 0, the rest refused', async () => {
      const variantId = await newVariant(10);
      const responses = await Promise.all(Array.from({ length: 20 }, () => adjust(variantId, -1, 'Shrinkage', staff)));
      expect(responses.filter((r) => r.status === 200)).toHaveLength(10);
      expect(responses.filter((r) => r.status === 409)).toHaveLength(10);
      expect(await level(variantId)).toMatchObject({ onHand: 0, reserved: 0 });
      expect((await allMovements(variantId)).reduce((sum, m) => sum + m.delta, 0)).toBe(0);
    });

    it.each([
      ['a zero delta', { delta: 0, reason: 'x' }],
      ['a string delta', { delta: '2', reason: 'x' }],
      ['a fractional delta', { delta: 1.5, reason: 'x' }],
      ['a delta beyond one million', { delta: 1_000_001, reason: 'x' }],
      ['a delta below minus one million', { delta: -1_000_001, reason: 'x' }],
      ['an unknown field', { delta: 1, reason: 'x', note: 'y' }],
      ['a missing reason', { delta: 1 }],
      ['a blank reason', { delta: 1, reason: '   ' }],
      ['a reason over 200 characters', { delta: 1, reason: 'r'.repeat(201) }],
      ['a missing delta', { reason: 'x' }],
    ])('refuses %s with 400', async (_name, body) => {
      const variantId = await newVariant();
      const response = await t.http.post(`/api/v1/admin/inventory/${variantId}/adjustments`, body, { token: admin });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect((await level(variantId)).onHand).toBe(0);
    });

    it('accepts the largest allowed adjustment and a 200-character reason', async () => {
      const variantId = await newVariant();
      const response = await adjust(variantId, 1_000_000, 'r'.repeat(200));
      expect(response.status).toBe(200);
      expect(response.body.onHand).toBe(1_000_000);
    });
  });

  describe('access', () => {
    const routes = (variantId: string): [string, string, unknown?][] => [
      ['GET', `/api/v1/admin/inventory/${variantId}`],
      ['POST', `/api/v1/admin/inventory/${variantId}/adjustments`, { delta: 1, reason: 'x' }],
      ['GET', `/api/v1/admin/inventory/${variantId}/movements`],
    ];

    it('refuses customers with 403 and anonymous callers with 401 on every route, changing nothing', async () => {
      const variantId = await newVariant();
      const customer = tokenFor(t, 'customer').token;
      for (const [method, path, body] of routes(variantId)) {
        expectProblem(await t.http.request(method, path, { body, token: customer }), 403, 'FORBIDDEN');
        const anonymous = await t.http.request(method, path, { body });
        expect(anonymous.status).toBe(401);
        expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
      expect((await level(variantId)).onHand).toBe(0);
    });

    it('answers 404 for an unknown or malformed variant on every route', async () => {
      for (const variantId of [randomUUID(), 'not-a-uuid']) {
        for (const [method, path, body] of routes(variantId)) {
          expectProblem(await t.http.request(method, path, { body, token: admin }), 404, 'NOT_FOUND');
        }
      }
      const withCursor = `/api/v1/admin/inventory/${randomUUID()}/movements?cursor=garbage`;
      expectProblem(await t.http.get(withCursor, { token: admin }), 404, 'NOT_FOUND');
    });
  });

  describe('the movement ledger', () => {
    it('always sums to onHand (and its reserved deltas to reserved) after adjustments, reservations, commits, releases and restocks', async () => {
      const variantId = await newVariant(20);
      const other = await newVariant(5);
      await adjust(variantId, -3, 'Recount');
      await inTransaction(() =>
        reservations().reserve(
          [
            { variantId, quantity: 6 },
            { variantId: other, quantity: 2 },
          ],
          'order-A',
        ),
      );
      await inTransaction(() => reservations().commit([{ variantId, quantity: 4 }], 'order-A'));
      await inTransaction(() => reservations().release([{ variantId, quantity: 2 }], 'order-A'));
      await adjust(variantId, 7, 'Delivery');
      await inTransaction(() => reservations().restock([{ variantId, quantity: 3 }], 'order-A', adminId));
      await inTransaction(() => reservations().reserve([{ variantId, quantity: 5 }], 'order-B'));
      await inTransaction(() => reservations().commit([{ variantId, quantity: 5 }], 'order-B'));

      // 20 − 3 − 4 + 7 + 3 − 5 = 18 on hand; 6 − 4 − 2 + 5 − 5 = 0 reserved.
      expect(await level(variantId)).toEqual({ variantId, onHand: 18, reserved: 0, available: 18 });
      const movements = await allMovements(variantId, 3);
      expect(movements.map((m) => m.kind)).toEqual([
        'commit',
        'reservation',
        'restock',
        'adjustment',
        'release',
        'commit',
        'reservation',
        'adjustment',
        'adjustment',
      ]);
      expect(movements.reduce((sum, m) => sum + m.delta, 0)).toBe(18);
      expect(movements.reduce((sum, m) => sum + m.reservedDelta, 0)).toBe(0);

      const [restock] = (await t.http.get(`/api/v1/admin/inventory/${variantId}/movements?limit=3`, { token: staff })).body.data.filter(
        (m: { kind: string }) => m.kind === 'restock',
      );
      expect(restock).toMatchObject({ delta: 3, reservedDelta: 0, reference: 'order-A', actorId: adminId });

      const [ledger] = await t.sql<{ mismatched: string }>(`
        SELECT count(*) AS mismatched FROM stock_levels l
        LEFT JOIN (SELECT variant_id, sum(delta) AS on_hand, sum(reserved_delta) AS reserved FROM stock_movements GROUP BY variant_id) m
          USING (variant_id)
        WHERE coalesce(m.on_hand, 0) <> l.on_hand OR coalesce(m.reserved, 0) <> l.reserved`);
      expect(Number(ledger.mismatched)).toBe(0);
    });

    it('is append-only in the database itself', async () => {
      const variantId = await newVariant(1);
      await expect(t.sql(`UPDATE stock_movements SET delta = 100 WHERE variant_id = $1`, [variantId])).rejects.toThrow(/append-only/);
      await expect(t.sql(`DELETE FROM stock_movements WHERE variant_id = $1`, [variantId])).rejects.toThrow(/append-only/);
      await expect(t.sql(`TRUNCATE stock_movements CASCADE`)).rejects.toThrow(/append-only/);
    });

    it('guards the counts with CHECK constraints', async () => {
      const variantId = await newVariant(2);
      await expect(t.sql(`UPDATE stock_levels SET reserved = 3 WHERE variant_id = $1`, [variantId])).rejects.toThrow(
        /stock_levels_reserved_within_on_hand/,
      );
      await expect(t.sql(`UPDATE stock_levels SET on_hand = -1, reserved = 0 WHERE variant_id = $1`, [variantId])).rejects.toThrow(
        /check constraint/,
      );
    });
  });

  describe('movement paging', () => {
    let variantId: string;
    beforeAll(async () => {
      variantId = await newVariant();
      for (let n = 1; n <= 5; n++) await adjust(variantId, n, `Delivery ${n}`);
    });
    const movements = (query: string) => t.http.get(`/api/v1/admin/inventory/${variantId}/movements${query}`, { token: staff });

    it('pages newest first by limit and cursor without skipping or repeating', async () => {
      const first = await movements('?limit=2');
      expect(first.body.page.limit).toBe(2);
      expect(first.body.data.map((m: { delta: number }) => m.delta)).toEqual([5, 4]);
      const second = await movements(`?limit=2&cursor=${first.body.page.nextCursor}`);
      expect(second.body.data.map((m: { delta: number }) => m.delta)).toEqual([3, 2]);
      const last = await movements(`?limit=2&cursor=${second.body.page.nextCursor}`);
      expect(last.body.data.map((m: { delta: number }) => m.delta)).toEqual([1]);
      expect(last.body.page.nextCursor).toBeNull();
      expect((await movements('?limit=5')).body.page.nextCursor).toBeNull();
    });

    it.each(['?limit=0', '?limit=101', '?limit=abc', '?limit=1.5', '?offset=1'])('refuses %s with 400', async (query) => {
      expectProblem(await movements(query), 400, 'VALIDATION_FAILED');
    });

    it('refuses a cursor it did not issue, or one issued for another variant, with 400 INVALID_CURSOR', async () => {
      expectProblem(await movements('?cursor=garbage'), 400, 'INVALID_CURSOR');
      const otherVariant = await newVariant(1);
      await adjust(otherVariant, 1, 'x');
      const foreign = await t.http.get(`/api/v1/admin/inventory/${otherVariant}/movements?limit=1`, { token: staff });
      expectProblem(await movements(`?cursor=${foreign.body.page.nextCursor}`), 400, 'INVALID_CURSOR');
    });
  });

  describe('the reservation API', () => {
    it('reserves exactly the 7 units there are when 50 transactions race for them', async () => {
      const variantId = await newVariant(7);
      const host = t.app.get(TransactionHost);
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, n) => host.withTransaction(() => reservations().reserve([{ variantId, quantity: 1 }], `race-${n}`))),
      );
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
      expect(refused).toHaveLength(43);
      for (const { reason } of refused) {
        expect(reason).toBeInstanceOf(InsufficientStockError);
        expect((reason as InsufficientStockError).lines).toEqual([{ variantId, requested: 1, available: 0 }]);
      }
      expect(await level(variantId)).toEqual({ variantId, onHand: 7, reserved: 7, available: 0 });
      expect((await allMovements(variantId)).filter((m) => m.kind === 'reservation')).toHaveLength(7);
    });

    it('never deadlocks when concurrent calls name the same variants in opposite orders', async () => {
      const variants: string[] = [];
      for (let n = 0; n < 6; n++) variants.push(await newVariant(100));
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, (_, n) => {
          const lines = variants.map((variantId) => ({ variantId, quantity: 1 }));
          return inTransaction(() => reservations().reserve(n % 2 ? lines : lines.reverse(), `cross-${n}`));
        }),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      for (const variantId of variants) expect((await level(variantId)).reserved).toBe(30);
    });

    it('reserves nothing when one line of several is short, and names every short line', async () => {
      // plenty is reserved first, scarce refused, none and unknown never visited (checked by a read).
      const [plentyId, scarceId, noneId, unknown] = ascendingIds(4);
      const plenty = await newVariant(5, plentyId);
      const scarce = await newVariant(1, scarceId);
      const none = await newVariant(0, noneId);
      const error = await inTransaction(() =>
        reservations().reserve(
          [
            { variantId: plenty, quantity: 2 },
            { variantId: scarce, quantity: 2 },
            { variantId: none, quantity: 1 },
            { variantId: unknown, quantity: 1 },
          ],
          'order-short',
        ),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InsufficientStockError);
      expect(error).toMatchObject({ code: 'INSUFFICIENT_STOCK', status: 409 });
      expect(new Set((error as InsufficientStockError).lines)).toEqual(
        new Set([
          { variantId: scarce, requested: 2, available: 1 },
          { variantId: none, requested: 1, available: 0 },
          { variantId: unknown, requested: 1, available: 0 },
        ]),
      );
      for (const variantId of [plenty, scarce, none]) expect((await level(variantId)).reserved).toBe(0);
      expect((await allMovements(plenty)).filter((m) => m.kind === 'reservation')).toEqual([]);
    });

    it('merges duplicate lines of a variant before checking them', async () => {
      const variantId = await newVariant(5);
      const error = await inTransaction(() =>
        reservations().reserve(
          [
            { variantId, quantity: 3 },
            { variantId, quantity: 3 },
          ],
          'order-dup',
        ),
      ).catch((e: unknown) => e);
      expect((error as InsufficientStockError).lines).toEqual([{ variantId, requested: 6, available: 5 }]);
      await inTransaction(() =>
        reservations().reserve(
          [
            { variantId, quantity: 2 },
            { variantId, quantity: 3 },
          ],
          'order-dup',
        ),
      );
      expect(await level(variantId)).toMatchObject({ reserved: 5, available: 0 });
      expect((await allMovements(variantId)).filter((m) => m.kind === 'reservation')).toHaveLength(1);
    });

    it('leaves nothing reserved by a refused call even when the caller catches the error and commits', async () => {
      // plenty sorts first, so it is reserved before scarce is refused: only the savepoint undoes it.
      const [plentyId, scarceId] = ascendingIds(2);
      const plenty = await newVariant(5, plentyId);
      const scarce = await newVariant(1, scarceId);
      await inTransaction(async () => {
        await expect(
          reservations().reserve(
            [
              { variantId: plenty, quantity: 1 },
              { variantId: scarce, quantity: 2 },
            ],
            'order-caught',
          ),
        ).rejects.toBeInstanceOf(InsufficientStockError);
        await reservations().reserve([{ variantId: plenty, quantity: 2 }], 'order-caught-retry');
      });
      expect((await level(plenty)).reserved).toBe(2);
      expect((await level(scarce)).reserved).toBe(0);
    });

    it('refuses to release or commit more than is reserved, rolling the caller back', async () => {
      const variantId = await newVariant(5);
      await inTransaction(() => reservations().reserve([{ variantId, quantity: 2 }], 'order-X'));
      await expect(inTransaction(() => reservations().release([{ variantId, quantity: 3 }], 'order-X'))).rejects.toThrow(
        /Cannot release 3/,
      );
      await expect(
        inTransaction(async () => {
          await reservations().commit([{ variantId, quantity: 1 }], 'order-X');
          await reservations().commit([{ variantId, quantity: 2 }], 'order-X');
        }),
      ).rejects.toThrow(/Cannot commit 2/);
      await expect(inTransaction(() => reservations().release([{ variantId: randomUUID(), quantity: 1 }], 'order-X'))).rejects.toThrow(
        /Cannot release/,
      );
      await expect(
        inTransaction(() => reservations().restock([{ variantId: randomUUID(), quantity: 1 }], 'order-X', null)),
      ).rejects.toThrow(/Cannot restock/);
      expect(await level(variantId)).toEqual({ variantId, onHand: 5, reserved: 2, available: 3 });
    });

    it('insists on running inside the caller’s transaction', async () => {
      const variantId = await newVariant(5);
      await expect(reservations().reserve([{ variantId, quantity: 1 }], 'no-tx')).rejects.toThrow(/inside the caller's transaction/);
      expect((await level(variantId)).reserved).toBe(0);
    });

    it('reports availability for many variants in one call, 0 for unknown ones, and through the SQL view', async () => {
      const stocked = await newVariant(9);
      await inTransaction(() => reservations().reserve([{ variantId: stocked, quantity: 4 }], 'order-V'));
      const unknown = randomUUID();
      const available = await t.app.get(InventoryAvailability).availableFor([stocked, unknown]);
      expect(available).toEqual(
        new Map([
          [stocked, 5],
          [unknown, 0],
        ]),
      );
      const rows = await t.sql(
        `SELECT variant_id, on_hand, reserved, available FROM ${INVENTORY_AVAILABILITY_VIEW} WHERE variant_id = $1`,
        [stocked],
      );
      expect(rows).toEqual([{ variant_id: stocked, on_hand: 9, reserved: 4, available: 5 }]);
    });
  });
});

import { Injectable } from '@nestjs/common';
import { prepared, runPrepared, TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { CartHeader, CartRepository, GuestCartHeader } from '../application/cart.repository';
import type { CartLine } from '../domain/cart-line';

interface LineRow {
  id: string;
  variant_id: string;
  quantity: number;
  seen_unit_price: string;
}

const LINE_COLUMNS = 'id, variant_id, quantity, seen_unit_price';
const HEADER = `id, updated_at AS "updatedAt", shipping_country AS "shippingCountry", shipping_region AS "shippingRegion",
  customer_id AS "customerId", promotion_code AS "promotionCode"`;
const ACTIVE_CUSTOMER_CART = `status = 'active' AND customer_id IS NOT NULL`;
const LIVE_GUEST_CART = `customer_id IS NULL AND status = 'active' AND updated_at > now() - make_interval(hours => $2)`;

/** Carts in PostgreSQL with raw SQL: the concurrency-critical statements read best as SQL. */
@Injectable()
export class TypeOrmCartRepository extends CartRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async findCustomerCartWithLines(customerId: string): Promise<{ cart: CartHeader; lines: CartLine[] } | null> {
    const rows = await this.query<
      {
        cart_id: string;
        updated_at: Date;
        shipping_country: string | null;
        shipping_region: string | null;
        promotion_code: string | null;
      } & {
        [K in keyof LineRow]: LineRow[K] | null;
      }
    >(
      `SELECT c.id AS cart_id, c.updated_at, c.shipping_country, c.shipping_region, c.promotion_code, i.id, i.variant_id, i.quantity, i.seen_unit_price
       FROM carts c LEFT JOIN cart_items i ON i.cart_id = c.id
       WHERE c.customer_id = $1 AND c.status = 'active'
       ORDER BY i.created_at, i.id`,
      [customerId],
    );
    if (!rows.length) return null;
    const [first] = rows;
    const cart = {
      id: first.cart_id,
      updatedAt: first.updated_at,
      shippingCountry: first.shipping_country,
      shippingRegion: first.shipping_region,
      customerId,
      promotionCode: first.promotion_code,
    };
    return { cart, lines: rows.filter((row): row is typeof row & LineRow => row.id !== null).map(toLine) };
  }

  async openCustomerCart(customerId: string): Promise<CartHeader> {
    const found = await this.query<CartHeader>(`SELECT ${HEADER} FROM carts WHERE customer_id = $1 AND ${ACTIVE_CUSTOMER_CART}`, [
      customerId,
    ]);
    if (found[0]) return found[0];
    // ON CONFLICT DO NOTHING waits for a parallel creator, whose committed row the next statement sees.
    const created = await this.query<CartHeader>(
      `INSERT INTO carts (customer_id) VALUES ($1) ON CONFLICT (customer_id) WHERE ${ACTIVE_CUSTOMER_CART} DO NOTHING RETURNING ${HEADER}`,
      [customerId],
    );
    if (created[0]) return created[0];
    const existing = await this.query<CartHeader>(`SELECT ${HEADER} FROM carts WHERE customer_id = $1 AND ${ACTIVE_CUSTOMER_CART}`, [
      customerId,
    ]);
    return existing[0];
  }

  async lockCustomerCart(customerId: string): Promise<CartHeader> {
    // One statement creates the cart or, on conflict, updates (and so locks) the existing row.
    const rows = await this.query<CartHeader>(
      `INSERT INTO carts (customer_id) VALUES ($1)
       ON CONFLICT (customer_id) WHERE ${ACTIVE_CUSTOMER_CART} DO UPDATE SET updated_at = clock_timestamp()
       RETURNING ${HEADER}`,
      [customerId],
    );
    return rows[0];
  }

  async lockActiveCustomerCart(customerId: string): Promise<CartHeader | null> {
    const rows = await this.query<CartHeader>(`SELECT ${HEADER} FROM carts WHERE customer_id = $1 AND ${ACTIVE_CUSTOMER_CART} FOR UPDATE`, [
      customerId,
    ]);
    return rows[0] ?? null;
  }

  async findGuestCart(cartId: string, ttlHours: number): Promise<GuestCartHeader | null> {
    const rows = await this.query<GuestCartHeader>(
      `SELECT ${HEADER}, token_hash AS "tokenHash" FROM carts WHERE id = $1 AND ${LIVE_GUEST_CART}`,
      [cartId, ttlHours],
    );
    return rows[0] ?? null;
  }

  async lockGuestCart(cartId: string, ttlHours: number): Promise<GuestCartHeader | null> {
    const rows = await this.query<GuestCartHeader>(
      `UPDATE carts SET updated_at = clock_timestamp() WHERE id = $1 AND ${LIVE_GUEST_CART}
       RETURNING ${HEADER}, token_hash AS "tokenHash"`,
      [cartId, ttlHours],
    );
    return rows[0] ?? null;
  }

  async createGuestCart(tokenHash: Buffer): Promise<string> {
    const rows = await this.query<{ id: string }>(`INSERT INTO carts (token_hash) VALUES ($1) RETURNING id`, [tokenHash]);
    return rows[0].id;
  }

  async linesOf(cartId: string): Promise<CartLine[]> {
    const rows = await this.query<LineRow>(`SELECT ${LINE_COLUMNS} FROM cart_items WHERE cart_id = $1 ORDER BY created_at, id`, [cartId]);
    return rows.map(toLine);
  }

  async addToLine(cartId: string, variantId: string, quantity: number, unitPrice: number): Promise<CartLine> {
    const rows = await this.query<LineRow>(
      `INSERT INTO cart_items (cart_id, variant_id, quantity, seen_unit_price, created_at, updated_at)
       VALUES ($1, $2, $3, $4, clock_timestamp(), clock_timestamp())
       ON CONFLICT (cart_id, variant_id) DO UPDATE
         SET quantity = cart_items.quantity + EXCLUDED.quantity, seen_unit_price = EXCLUDED.seen_unit_price, updated_at = clock_timestamp()
       RETURNING ${LINE_COLUMNS}`,
      [cartId, variantId, quantity, unitPrice],
    );
    return toLine(rows[0]);
  }

  async addToLines(cartId: string, additions: { variantId: string; quantity: number; unitPrice: number }[]): Promise<void> {
    if (additions.length === 0) return;
    await this.query(
      `INSERT INTO cart_items (cart_id, variant_id, quantity, seen_unit_price)
       SELECT $1, variant_id, quantity, unit_price FROM unnest($2::uuid[], $3::int[], $4::bigint[]) AS addition (variant_id, quantity, unit_price)
       ON CONFLICT (cart_id, variant_id) DO UPDATE
         SET quantity = cart_items.quantity + EXCLUDED.quantity, seen_unit_price = EXCLUDED.seen_unit_price, updated_at = clock_timestamp()`,
      [cartId, additions.map((a) => a.variantId), additions.map((a) => a.quantity), additions.map((a) => a.unitPrice)],
    );
  }

  async setLineQuantity(cartId: string, itemId: string, quantity: number, unitPrice: number): Promise<CartLine | null> {
    const rows = await this.query<LineRow>(
      `UPDATE cart_items SET quantity = $3, seen_unit_price = $4, updated_at = clock_timestamp()
       WHERE cart_id = $1 AND id = $2 RETURNING ${LINE_COLUMNS}`,
      [cartId, itemId, quantity, unitPrice],
    );
    return rows[0] ? toLine(rows[0]) : null;
  }

  async removeLine(cartId: string, itemId: string): Promise<boolean> {
    const rows = await this.query(`DELETE FROM cart_items WHERE cart_id = $1 AND id = $2 RETURNING id`, [cartId, itemId]);
    return rows.length > 0;
  }

  async removeAllLines(cartId: string): Promise<void> {
    await this.query(`DELETE FROM cart_items WHERE cart_id = $1`, [cartId]);
  }

  async deleteCart(cartId: string): Promise<void> {
    await this.query(`DELETE FROM carts WHERE id = $1`, [cartId]);
  }

  async markCheckedOut(cartId: string): Promise<void> {
    await this.query(`UPDATE carts SET status = 'checked_out', updated_at = clock_timestamp() WHERE id = $1 AND status = 'active'`, [
      cartId,
    ]);
  }

  async setDestination(cartId: string, country: string, region: string | null): Promise<CartHeader> {
    const rows = await this.query<CartHeader>(
      `UPDATE carts SET shipping_country = $2, shipping_region = $3, updated_at = clock_timestamp() WHERE id = $1 RETURNING ${HEADER}`,
      [cartId, country, region],
    );
    return rows[0];
  }

  async setPromotionCode(cartId: string, code: string | null): Promise<CartHeader> {
    const rows = await this.query<CartHeader>(
      `UPDATE carts SET promotion_code = $2, updated_at = clock_timestamp() WHERE id = $1 RETURNING ${HEADER}`,
      [cartId, code],
    );
    return rows[0];
  }

  async deleteIdleGuestCarts(ttlHours: number, limit: number): Promise<number> {
    // SKIP LOCKED leaves carts being changed right now alone; the outer condition is re-checked on delete.
    const idle = `customer_id IS NULL AND updated_at <= now() - make_interval(hours => $1)`;
    const rows = await this.query(
      `DELETE FROM carts WHERE ${idle} AND id IN (SELECT id FROM carts WHERE ${idle} ORDER BY updated_at LIMIT $2 FOR UPDATE SKIP LOCKED) RETURNING id`,
      [ttlHours, limit],
    );
    return rows.length;
  }

  /** Every statement here has a fixed text and is a lookup by key: all are prepared. */
  private async query<T = unknown>(sql: string, params: unknown[]): Promise<T[]> {
    const result: unknown = await runPrepared(this.txHost.tx, prepared(sql), params);
    // TypeORM answers UPDATE and DELETE with [rows, rowCount], everything else with rows.
    if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
    return result as T[];
  }
}

function toLine(row: LineRow): CartLine {
  return { id: row.id, variantId: row.variant_id, quantity: row.quantity, seenUnitPrice: Number(row.seen_unit_price) };
}

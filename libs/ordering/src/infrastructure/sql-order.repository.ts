import { Injectable } from '@nestjs/common';
import { EventOutbox, prepared, runPrepared, SealedBox, TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { HistoryEntry, Order } from '../domain/order';
import type { OrderLine, OrderShippingMethod, OrderTotals } from '../domain/order-pricing';
import type { OrderStatus } from '../domain/order-status';
import { OrderToken } from '../domain/order-token';
import type { ShippingAddress } from '../domain/shipping-address';
import { OrderPaymentRecords } from '../application/order-payment-records.port';
import { orderView } from '../application/order-view';
import { OrderRepository, StaleOrderVersion } from '../application/order.repository';

/** The event each status change is announced by. */
const EVENT_OF: Record<OrderStatus, string> = {
  pending_payment: 'order.placed',
  paid: 'order.paid',
  cancelled: 'order.cancelled',
  fulfilled: 'order.fulfilled',
  delivered: 'order.delivered',
  refunded: 'order.refunded',
};

interface OrderRow {
  id: string;
  number: string;
  customer_id: string | null;
  email: string | null;
  status: OrderStatus;
  currency: string;
  subtotal_amount: string;
  discount_total_amount: string;
  shipping_fee_amount: string;
  tax_total_amount: string;
  total_amount: string;
  prices_include_tax: boolean;
  shipping_method: OrderShippingMethod | null;
  tax_lines: { name: string; rate: number; taxCategory: string; amount: number }[];
  discounts: OrderTotals['discounts'];
  shipping_address: ShippingAddress;
  carrier: string | null;
  tracking_number: string | null;
  payment_due_at: Date;
  version: number;
  created_at: Date;
  updated_at: Date;
  lines: OrderLine[];
  history: { from: OrderStatus | null; to: OrderStatus; at: string; actor: string; reason: string | null }[];
}

// Lines and history come back with the order in one round trip, as JSON arrays.
const SELECT_ORDER = `
  SELECT o.*,
    (SELECT coalesce(json_agg(json_build_object(
        'variantId', l.variant_id, 'productId', l.product_id, 'sku', l.sku, 'productName', l.product_name,
        'variantName', l.variant_name, 'options', l.options, 'unitPrice', l.unit_price_amount,
        'quantity', l.quantity, 'lineTotal', l.line_total_amount, 'discountAmount', l.discount_amount,
        'taxAmount', l.tax_amount, 'taxRate', l.tax_rate) ORDER BY l.position), '[]')
      FROM order_lines l WHERE l.order_id = o.id) AS lines,
    (SELECT coalesce(json_agg(json_build_object(
        'from', h.from_status, 'to', h.to_status, 'at', h.at, 'actor', h.actor, 'reason', h.reason) ORDER BY h.id), '[]')
      FROM order_history h WHERE h.order_id = o.id) AS history
  FROM orders o
  WHERE o.id = $1`;

/** The order aggregate in PostgreSQL, through the ambient transaction; each save also writes the events of its status changes. */
@Injectable()
export class SqlOrderRepository extends OrderRepository {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: EventOutbox,
    private readonly payments: OrderPaymentRecords,
    private readonly sealedBox: SealedBox,
  ) {
    super();
  }

  async unpaidOf(owner: { customerId: string } | { guestEmail: string }): Promise<{ count: number; firstDueAt: Date | null }> {
    const unpaid = `SELECT count(*)::int AS count, min(payment_due_at) AS first_due_at FROM orders WHERE status = 'pending_payment'`;
    type Unpaid = { count: number; first_due_at: Date | null };
    if ('customerId' in owner) {
      const [row] = (await runPrepared(this.txHost.tx, prepared(`${unpaid} AND customer_id = $1`), [owner.customerId])) as Unpaid[];
      return { count: row.count, firstDueAt: row.first_due_at };
    }
    await this.txHost.tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('guest-order-email:' || $1, 0))`, [owner.guestEmail]);
    const [row] = (await this.txHost.tx.query(`${unpaid} AND customer_id IS NULL AND email = $1`, [owner.guestEmail])) as Unpaid[];
    return { count: row.count, firstDueAt: row.first_due_at };
  }

  async orderTokenHashOf(orderId: string): Promise<Buffer | null> {
    const rows: { order_token_hash: Buffer | null }[] = await this.txHost.tx.query(`SELECT order_token_hash FROM orders WHERE id = $1`, [
      orderId,
    ]);
    return rows[0]?.order_token_hash ?? null;
  }

  async attachGuestOrders(userId: string, email: string): Promise<number> {
    const [, affected] = (await this.txHost.tx.query(
      `UPDATE orders SET customer_id = $1, version = version + 1, updated_at = clock_timestamp() WHERE customer_id IS NULL AND email = $2`,
      [userId, email],
    )) as [unknown, number];
    return affected;
  }

  async nextNumber(): Promise<string> {
    const [row] = (await runPrepared(this.txHost.tx, prepared(`SELECT 'CC-' || nextval('order_number_seq') AS number`))) as {
      number: string;
    }[];
    return row.number;
  }

  async insert(order: Order, guest?: { orderToken: string }): Promise<void> {
    const o = order.snapshot();
    const changes = [...order.newHistory()];
    // One statement: the order, its line snapshots and its first history entries (foreign keys are checked at its end).
    await runPrepared(
      this.txHost.tx,
      prepared(
        `WITH placed AS (
         INSERT INTO orders (id, number, customer_id, status, currency, subtotal_amount, shipping_fee_amount, total_amount,
                             shipping_address, payment_due_at, version, created_at, updated_at,
                             discount_total_amount, tax_total_amount, prices_include_tax, shipping_method, tax_lines, discounts, email,
                             order_token_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15, $16, $17, $18, $19, $20)
       ), lines AS (
         INSERT INTO order_lines (order_id, position, variant_id, product_id, sku, product_name, variant_name, options,
                                  unit_price_amount, quantity, line_total_amount, discount_amount, tax_amount, tax_rate)
         SELECT $1, l.position, l."variantId", l."productId", l.sku, l."productName", l."variantName", l.options,
                l."unitPrice", l.quantity, l."lineTotal", l."discountAmount", l."taxAmount", l."taxRate"
         FROM jsonb_to_recordset($21::jsonb) AS l(position smallint, "variantId" uuid, "productId" uuid, sku text, "productName" text,
              "variantName" text, options jsonb, "unitPrice" bigint, quantity integer, "lineTotal" bigint,
              "discountAmount" bigint, "taxAmount" bigint, "taxRate" integer)
       )
       ${INSERT_HISTORY('$1', '$22')}`,
      ),
      [
        o.id,
        o.number,
        o.customerId,
        o.status,
        o.currency,
        o.subtotal,
        o.shippingFee,
        o.total,
        JSON.stringify(o.shippingAddress),
        o.paymentDueAt,
        o.version,
        o.createdAt,
        o.discountTotal,
        o.taxTotal,
        o.pricesIncludeTax,
        o.shippingMethod ? JSON.stringify(o.shippingMethod) : null,
        JSON.stringify(o.taxLines),
        JSON.stringify(o.discounts),
        o.email,
        guest ? OrderToken.hash(guest.orderToken) : null,
        JSON.stringify(o.lines.map((line, position) => ({ position, ...line }))),
        historyJson(changes),
      ],
    );
    order.markSaved(o.version);
    // The token is stored only hashed; the confirmation e-mail gets it sealed, inside the event's job.
    await this.recordEvents(order, changes, guest ? { orderToken: this.sealedBox.seal(guest.orderToken) } : undefined);
  }

  async findById(orderId: string, options: { lock?: boolean } = {}): Promise<Order | null> {
    const rows: OrderRow[] = await this.txHost.tx.query(SELECT_ORDER + (options.lock ? ' FOR UPDATE OF o' : ''), [orderId]);
    return rows.length ? toOrder(rows[0]) : null;
  }

  async save(order: Order): Promise<void> {
    const o = order.snapshot();
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = (await this.txHost.tx.query(
      `UPDATE orders SET status = $3, carrier = $4, tracking_number = $5, updated_at = $6, version = version + 1
       WHERE id = $1 AND version = $2
       RETURNING version`,
      [o.id, o.version, o.status, o.shipment?.carrier ?? null, o.shipment?.trackingNumber ?? null, o.updatedAt],
    )) as [{ version: number }[], number];
    if (rows.length === 0) throw new StaleOrderVersion(o.id);
    const changes = [...order.newHistory()];
    await this.insertHistory(o.id, changes);
    order.markSaved(rows[0].version);
    await this.recordEvents(order, changes);
  }

  async lockNextExpired(asOf: Date): Promise<string | null> {
    const rows: { id: string }[] = await this.txHost.tx.query(
      `SELECT id FROM orders
       WHERE status = 'pending_payment' AND payment_due_at <= $1
       ORDER BY payment_due_at
       LIMIT 1
       FOR UPDATE SKIP LOCKED`,
      [asOf],
    );
    return rows[0]?.id ?? null;
  }

  private async recordEvents(order: Order, changes: readonly HistoryEntry[], sealed?: Record<string, string>): Promise<void> {
    if (!changes.length) return;
    const data = orderView(order.snapshot(), changes[0].from === null ? [] : await this.payments.listForOrder(order.id));
    for (const change of changes) await this.outbox.record(EVENT_OF[change.to], data, change.at, sealed);
  }

  private async insertHistory(orderId: string, entries: readonly HistoryEntry[]): Promise<void> {
    if (!entries.length) return;
    await this.txHost.tx.query(INSERT_HISTORY('$1', '$2'), [orderId, historyJson(entries)]);
  }
}

/** History entries (a JSON array, in order) of one order; `order` and `entries` are placeholders. */
const INSERT_HISTORY = (order: string, entries: string) => `
  INSERT INTO order_history (order_id, from_status, to_status, actor, reason, at)
  SELECT ${order}, h."from", h."to", h.actor, h.reason, h.at
  FROM jsonb_to_recordset(${entries}::jsonb) AS h(ord integer, "from" text, "to" text, actor text, reason text, at timestamptz)
  ORDER BY h.ord`;

function historyJson(entries: readonly HistoryEntry[]): string {
  return JSON.stringify(entries.map((entry, ord) => ({ ...entry, ord })));
}

function toOrder(row: OrderRow): Order {
  return Order.restore({
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    email: row.email,
    status: row.status,
    currency: row.currency,
    subtotal: Number(row.subtotal_amount),
    discountTotal: Number(row.discount_total_amount),
    shippingFee: Number(row.shipping_fee_amount),
    taxTotal: Number(row.tax_total_amount),
    total: Number(row.total_amount),
    pricesIncludeTax: row.prices_include_tax,
    shippingMethod: row.shipping_method,
    taxLines: row.tax_lines,
    discounts: row.discounts,
    shippingAddress: row.shipping_address,
    shipment: row.carrier !== null && row.tracking_number !== null ? { carrier: row.carrier, trackingNumber: row.tracking_number } : null,
    paymentDueAt: row.payment_due_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lines: row.lines.map((line) => ({
      ...line,
      unitPrice: Number(line.unitPrice),
      lineTotal: Number(line.lineTotal),
      discountAmount: Number(line.discountAmount),
      taxAmount: Number(line.taxAmount),
    })),
    history: row.history.map((entry) => ({ ...entry, at: new Date(entry.at) })),
  });
}

import { Injectable } from '@nestjs/common';
import { EventOutbox, TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import type { Payment, PaymentStatus } from '../domain/payment';
import type { WebhookEvent } from '../domain/webhook-event';
import { PaymentRepository } from '../application/payment.repository';

interface PaymentRow {
  id: string;
  order_id: string;
  customer_id: string | null;
  idempotency_key: string | null;
  provider: string;
  provider_reference: string | null;
  status: PaymentStatus;
  amount: string;
  currency: string;
  failure_code: string | null;
  refund_reference: string | null;
  refunded_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** Settled outcomes are announced; pending and refunded are not (order.refunded covers the latter). */
const EVENT_OF: Partial<Record<PaymentStatus, string>> = { succeeded: 'payment.succeeded', failed: 'payment.failed' };

/** Payments in PostgreSQL, through the ambient transaction; a save that settles one also writes its event. */
@Injectable()
export class SqlPaymentRepository extends PaymentRepository {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: EventOutbox,
  ) {
    super();
  }

  async insert(p: Payment): Promise<void> {
    await this.txHost.tx.query(
      `INSERT INTO payments (id, order_id, customer_id, provider, provider_reference, status, amount, currency, failure_code,
                             refund_reference, refunded_at, created_at, updated_at, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        p.id,
        p.orderId,
        p.customerId,
        p.provider,
        p.providerReference,
        p.status,
        p.amount,
        p.currency,
        p.failureCode,
        p.refundReference,
        p.refundedAt,
        p.createdAt,
        p.updatedAt,
        p.idempotencyKey,
      ],
    );
    await this.recordEvent(p);
  }

  async update(p: Payment): Promise<void> {
    await this.txHost.tx.query(
      `UPDATE payments SET status = $2, failure_code = $3, refund_reference = $4, refunded_at = $5, updated_at = $6,
                           provider_reference = $7
       WHERE id = $1`,
      [p.id, p.status, p.failureCode, p.refundReference, p.refundedAt, p.updatedAt, p.providerReference],
    );
    await this.recordEvent(p);
  }

  private async recordEvent(p: Payment): Promise<void> {
    const type = EVENT_OF[p.status];
    if (!type) return;
    // The Payment resource, as the API shows it.
    const data = {
      id: p.id,
      orderId: p.orderId,
      status: p.status,
      amount: { amount: p.amount, currency: p.currency },
      provider: p.provider,
      createdAt: p.createdAt.toISOString(),
    };
    await this.outbox.record(type, data, p.updatedAt);
  }

  async delete(paymentId: string): Promise<void> {
    await this.txHost.tx.query(`DELETE FROM payments WHERE id = $1`, [paymentId]);
  }

  async findByIdempotencyKey(payer: { customerId: string } | { guestOrderId: string }, idempotencyKey: string): Promise<Payment | null> {
    const rows: PaymentRow[] =
      'customerId' in payer
        ? await this.txHost.tx.query(`SELECT * FROM payments WHERE customer_id = $1 AND idempotency_key = $2`, [
            payer.customerId,
            idempotencyKey,
          ])
        : await this.txHost.tx.query(`SELECT * FROM payments WHERE order_id = $1 AND customer_id IS NULL AND idempotency_key = $2`, [
            payer.guestOrderId,
            idempotencyKey,
          ]);
    return rows.length ? toPayment(rows[0]) : null;
  }

  async listStalePending(olderThanSeconds: number, limit: number): Promise<Payment[]> {
    const rows: PaymentRow[] = await this.txHost.tx.query(
      `SELECT * FROM payments WHERE status = 'pending' AND updated_at <= now() - $1 * interval '1 second' ORDER BY updated_at LIMIT $2`,
      [olderThanSeconds, limit],
    );
    return rows.map(toPayment);
  }

  async findById(paymentId: string, options: { lock?: boolean } = {}): Promise<Payment | null> {
    const rows: PaymentRow[] = await this.txHost.tx.query(`SELECT * FROM payments WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [
      paymentId,
    ]);
    return rows.length ? toPayment(rows[0]) : null;
  }

  async findPending(orderId: string): Promise<Payment | null> {
    const rows: PaymentRow[] = await this.txHost.tx.query(`SELECT * FROM payments WHERE order_id = $1 AND status = 'pending'`, [orderId]);
    return rows.length ? toPayment(rows[0]) : null;
  }

  async lockSucceeded(orderId: string): Promise<Payment | null> {
    const rows: PaymentRow[] = await this.txHost.tx.query(
      `SELECT * FROM payments WHERE order_id = $1 AND status = 'succeeded' FOR UPDATE`,
      [orderId],
    );
    return rows.length ? toPayment(rows[0]) : null;
  }

  async listForOrder(orderId: string): Promise<Payment[]> {
    const rows: PaymentRow[] = await this.txHost.tx.query(`SELECT * FROM payments WHERE order_id = $1 ORDER BY created_at, id`, [orderId]);
    return rows.map(toPayment);
  }

  async recordWebhookEvent(provider: string, event: WebhookEvent): Promise<boolean> {
    const rows: unknown[] = await this.txHost.tx.query(
      `INSERT INTO payment_webhook_events (provider, event_id, type, payload) VALUES ($1, $2, $3, $4)
       ON CONFLICT (provider, event_id) DO NOTHING
       RETURNING event_id`,
      [provider, event.id, event.type, JSON.stringify(event)],
    );
    return rows.length > 0;
  }
}

function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    orderId: row.order_id,
    customerId: row.customer_id,
    idempotencyKey: row.idempotency_key,
    provider: row.provider,
    providerReference: row.provider_reference,
    status: row.status,
    amount: Number(row.amount),
    currency: row.currency,
    failureCode: row.failure_code,
    refundReference: row.refund_reference,
    refundedAt: row.refunded_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

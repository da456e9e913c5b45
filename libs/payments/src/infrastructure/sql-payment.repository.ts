import { Injectable } from '@nestjs/common';
import { TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import type { Payment, PaymentStatus } from '../domain/payment';
import type { WebhookEvent } from '../domain/webhook-event';
import { PaymentRepository } from '../application/payment.repository';

interface PaymentRow {
  id: string;
  order_id: string;
  customer_id: string;
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

/** Payments in PostgreSQL, through the ambient transaction. */
@Injectable()
export class SqlPaymentRepository extends PaymentRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
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
  }

  async update(p: Payment): Promise<void> {
    await this.txHost.tx.query(
      `UPDATE payments SET status = $2, failure_code = $3, refund_reference = $4, refunded_at = $5, updated_at = $6,
                           provider_reference = $7
       WHERE id = $1`,
      [p.id, p.status, p.failureCode, p.refundReference, p.refundedAt, p.updatedAt, p.providerReference],
    );
  }

  async delete(paymentId: string): Promise<void> {
    await this.txHost.tx.query(`DELETE FROM payments WHERE id = $1`, [paymentId]);
  }

  async findByIdempotencyKey(customerId: string, idempotencyKey: string): Promise<Payment | null> {
    const rows: PaymentRow[] = await this.txHost.tx.query(`SELECT * FROM payments WHERE customer_id = $1 AND idempotency_key = $2`, [
      customerId,
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

import { Injectable } from '@nestjs/common';
import { TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { queryRows } from './query-rows';
import { ALL_EVENTS, PING_EVENT_TYPE } from '../domain/event-types';
import type { DeliveryStatus, WebhookDelivery } from '../domain/webhook-delivery';
import { AttemptRecord, DeliveryRow, NewDeliveries, WebhookDeliveryRepository } from '../application/webhook-delivery.repository';

interface Row {
  id: string;
  seq: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  order_key: string | null;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  created_at: Date;
}

const COLUMNS =
  'id, seq, endpoint_id, event_id, event_type, order_key, body, status, attempts, last_status_code, last_error, next_attempt_at, created_at';
const OPEN = `status IN ('pending', 'failed')`;

@Injectable()
export class SqlWebhookDeliveryRepository extends WebhookDeliveryRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async createForSubscribers({ event, body, orderKey, now }: NewDeliveries): Promise<WebhookDelivery[]> {
    // ORDER BY seq: the deliveries of one event are numbered in a stable order, like the events themselves.
    const rows: Row[] = await queryRows(
      this.txHost,
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, order_key, body, next_attempt_at, created_at, updated_at)
       SELECT e.id, $1, $2, $3, $4, $5, $5, $5 FROM webhook_endpoints e
       WHERE e.active AND (e.events @> ARRAY[$2]::text[] OR e.events @> ARRAY['${ALL_EVENTS}']::text[])
       ORDER BY e.seq
       ON CONFLICT (endpoint_id, event_id) DO NOTHING
       RETURNING ${COLUMNS}`,
      [event.id, event.type, orderKey, body, now],
    );
    return rows.map(toDelivery);
  }

  async createForEndpoint(endpointId: string, { event, body, orderKey, now }: NewDeliveries): Promise<WebhookDelivery | null> {
    const rows: Row[] = await queryRows(
      this.txHost,
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, order_key, body, next_attempt_at, created_at, updated_at)
       SELECT e.id, $2, $3, $4, $5, $6, $6, $6 FROM webhook_endpoints e WHERE e.id = $1
       ON CONFLICT (endpoint_id, event_id) DO NOTHING
       RETURNING ${COLUMNS}`,
      [endpointId, event.id, event.type, orderKey, body, now],
    );
    return rows.length ? toDelivery(rows[0]) : null;
  }

  async claim(id: string, now: Date, leaseUntil: Date): Promise<WebhookDelivery | null> {
    const rows: Row[] = await queryRows(
      this.txHost,
      `UPDATE webhook_deliveries d SET claimed_until = $3
       WHERE d.id = $1 AND d.${OPEN}
         AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= $2)
         AND (d.claimed_until IS NULL OR d.claimed_until < $2)
         AND (d.event_type = '${PING_EVENT_TYPE}' OR EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.id = d.endpoint_id AND e.active))
         AND (d.order_key IS NULL OR NOT EXISTS (
           SELECT 1 FROM webhook_deliveries earlier
           WHERE earlier.endpoint_id = d.endpoint_id AND earlier.order_key = d.order_key
             AND earlier.seq < d.seq AND earlier.${OPEN}))
       RETURNING ${COLUMNS.split(', ')
         .map((column) => `d.${column}`)
         .join(', ')}`,
      [id, now, leaseUntil],
    );
    return rows.length ? toDelivery(rows[0]) : null;
  }

  async dueLater(id: string, now: Date): Promise<Date | null> {
    const rows: { at: Date }[] = await queryRows(
      this.txHost,
      `SELECT GREATEST(next_attempt_at, claimed_until) AS at FROM webhook_deliveries
       WHERE id = $1 AND ${OPEN} AND (next_attempt_at > $2 OR claimed_until >= $2)`,
      [id, now],
    );
    return rows.length ? rows[0].at : null;
  }

  async recordAttempt(id: string, r: AttemptRecord): Promise<void> {
    await queryRows(
      this.txHost,
      `UPDATE webhook_deliveries SET status = $2, attempts = attempts + 1, last_status_code = $3, last_error = $4,
         next_attempt_at = $5, claimed_until = NULL, updated_at = $6
       WHERE id = $1`,
      [id, r.status, r.lastStatusCode, r.lastError, r.nextAttemptAt, r.now],
    );
  }

  async nextInLine(id: string): Promise<WebhookDelivery | null> {
    const rows: Row[] = await queryRows(
      this.txHost,
      `SELECT ${COLUMNS.split(', ')
        .map((column) => `later.${column}`)
        .join(', ')}
       FROM webhook_deliveries settled
       JOIN webhook_deliveries later
         ON later.endpoint_id = settled.endpoint_id AND later.order_key = settled.order_key AND later.seq > settled.seq
       WHERE settled.id = $1 AND later.${OPEN}
       ORDER BY later.seq LIMIT 1`,
      [id],
    );
    return rows.length ? toDelivery(rows[0]) : null;
  }

  async findForEndpoint(endpointId: string, deliveryId: string): Promise<WebhookDelivery | null> {
    const rows: Row[] = await queryRows(this.txHost, `SELECT ${COLUMNS} FROM webhook_deliveries WHERE id = $1 AND endpoint_id = $2`, [
      deliveryId,
      endpointId,
    ]);
    return rows.length ? toDelivery(rows[0]) : null;
  }

  async listForEndpoint(endpointId: string, beforeSeq: string | null, limit: number): Promise<DeliveryRow[]> {
    const rows: Row[] = await queryRows(
      this.txHost,
      `SELECT ${COLUMNS} FROM webhook_deliveries
       WHERE endpoint_id = $1 AND ($2::bigint IS NULL OR seq < $2)
       ORDER BY seq DESC LIMIT $3`,
      [endpointId, beforeSeq, limit],
    );
    return rows.map((row) => ({ delivery: toDelivery(row), seq: row.seq }));
  }

  async requeue(endpointId: string, deliveryId: string, now: Date): Promise<WebhookDelivery | null> {
    const rows: Row[] = await queryRows(
      this.txHost,
      `UPDATE webhook_deliveries SET
         status = CASE WHEN status IN ('dead', 'succeeded') THEN 'pending' ELSE status END,
         next_attempt_at = $3, updated_at = $3
       WHERE id = $1 AND endpoint_id = $2
       RETURNING ${COLUMNS}`,
      [deliveryId, endpointId, now],
    );
    return rows.length ? toDelivery(rows[0]) : null;
  }

  async listOpen(endpointId: string | null, limit: number): Promise<WebhookDelivery[]> {
    const rows: Row[] = await queryRows(
      this.txHost,
      `SELECT ${COLUMNS} FROM webhook_deliveries WHERE ${OPEN} AND ($1::uuid IS NULL OR endpoint_id = $1) ORDER BY seq LIMIT $2`,
      [endpointId, limit],
    );
    return rows.map(toDelivery);
  }

  async countDead(): Promise<number> {
    const rows: { count: string }[] = await queryRows(
      this.txHost,
      `SELECT count(*) AS count FROM webhook_deliveries WHERE status = 'dead'`,
    );
    return Number(rows[0].count);
  }
}

function toDelivery(row: Row): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    orderKey: row.order_key,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
  };
}

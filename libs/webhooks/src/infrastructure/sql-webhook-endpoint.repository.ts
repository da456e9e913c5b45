import { Injectable } from '@nestjs/common';
import { TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { queryRows } from './query-rows';
import type { WebhookEndpoint } from '../domain/webhook-endpoint';
import { EndpointChanges, EndpointRow, WebhookEndpointRepository } from '../application/webhook-endpoint.repository';

interface Row {
  id: string;
  seq: string;
  url: string;
  events: string[];
  description: string | null;
  active: boolean;
  failing_since: Date | null;
  created_at: Date;
  updated_at: Date;
}

// Never the sealed secret: it is read on its own, by findSecret, only to sign.
const COLUMNS = 'id, seq, url, events, description, active, failing_since, created_at, updated_at';

@Injectable()
export class SqlWebhookEndpointRepository extends WebhookEndpointRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async insert(e: WebhookEndpoint, sealedSecret: Buffer): Promise<void> {
    await queryRows(
      this.txHost,
      `INSERT INTO webhook_endpoints (id, url, events, description, active, secret_sealed, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
      [e.id, e.url, e.events, e.description, e.active, sealedSecret, e.createdAt],
    );
  }

  async findById(id: string): Promise<WebhookEndpoint | null> {
    const rows: Row[] = await queryRows(this.txHost, `SELECT ${COLUMNS} FROM webhook_endpoints WHERE id = $1`, [id]);
    return rows.length ? toEndpoint(rows[0]) : null;
  }

  async list(afterSeq: string | null, limit: number): Promise<EndpointRow[]> {
    const rows: Row[] = await queryRows(
      this.txHost,
      `SELECT ${COLUMNS} FROM webhook_endpoints WHERE ($1::bigint IS NULL OR seq < $1) ORDER BY seq DESC LIMIT $2`,
      [afterSeq, limit],
    );
    return rows.map((row) => ({ endpoint: toEndpoint(row), seq: row.seq }));
  }

  async update(id: string, changes: EndpointChanges, now: Date): Promise<WebhookEndpoint | null> {
    // One statement; a field not sent keeps its value. Re-activation starts a fresh failure run.
    const rows: Row[] = await queryRows(
      this.txHost,
      `UPDATE webhook_endpoints SET
         url = CASE WHEN $2 THEN $3 ELSE url END,
         events = CASE WHEN $4 THEN $5::text[] ELSE events END,
         description = CASE WHEN $6 THEN $7 ELSE description END,
         active = CASE WHEN $8 THEN $9 ELSE active END,
         failing_since = CASE WHEN $8 AND $9 AND NOT active THEN NULL ELSE failing_since END,
         disabled_at = CASE WHEN $8 AND $9 THEN NULL ELSE disabled_at END,
         updated_at = $10
       WHERE id = $1
       RETURNING ${COLUMNS}`,
      [
        id,
        changes.url !== undefined,
        changes.url ?? null,
        changes.events !== undefined,
        changes.events ?? null,
        changes.description !== undefined,
        changes.description ?? null,
        changes.active !== undefined,
        changes.active ?? null,
        now,
      ],
    );
    return rows.length ? toEndpoint(rows[0]) : null;
  }

  async delete(id: string): Promise<boolean> {
    const rows: unknown[] = await queryRows(this.txHost, `DELETE FROM webhook_endpoints WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }

  async replaceSecret(id: string, sealedSecret: Buffer, now: Date): Promise<boolean> {
    const rows: unknown[] = await queryRows(
      this.txHost,
      `UPDATE webhook_endpoints SET secret_sealed = $2, updated_at = $3 WHERE id = $1 RETURNING id`,
      [id, sealedSecret, now],
    );
    return rows.length > 0;
  }

  async findSecret(id: string): Promise<Buffer | null> {
    const rows: { secret_sealed: Buffer }[] = await queryRows(this.txHost, `SELECT secret_sealed FROM webhook_endpoints WHERE id = $1`, [
      id,
    ]);
    return rows.length ? rows[0].secret_sealed : null;
  }

  async markFailing(id: string, now: Date): Promise<void> {
    await queryRows(this.txHost, `UPDATE webhook_endpoints SET failing_since = $2 WHERE id = $1 AND failing_since IS NULL`, [id, now]);
  }

  async markHealthy(id: string): Promise<void> {
    await queryRows(this.txHost, `UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`, [id]);
  }

  async disableIfFailingSince(id: string, threshold: Date, now: Date): Promise<boolean> {
    const rows: unknown[] = await queryRows(
      this.txHost,
      `UPDATE webhook_endpoints SET active = false, disabled_at = $3, updated_at = $3
       WHERE id = $1 AND active AND failing_since <= $2
       RETURNING id`,
      [id, threshold, now],
    );
    return rows.length > 0;
  }
}

function toEndpoint(row: Row): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    active: row.active,
    failingSince: row.failing_since,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

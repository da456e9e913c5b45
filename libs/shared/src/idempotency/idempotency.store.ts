import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdempotencyConfig } from './idempotency.config';
import { IdempotencyKeyInUseError, IdempotencyKeyReusedError } from './idempotency.errors';

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type ClaimOutcome = { kind: 'claimed'; token: string } | { kind: 'replay'; response: StoredResponse };

interface KeyRow {
  request_hash: string;
  state: 'in_flight' | 'completed';
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
}

/**
 * Idempotency keys in PostgreSQL. Each statement runs on its own (autocommit), outside any use
 * case transaction: the claim is visible to concurrent requests at once, and the stored response
 * survives whatever the use case did.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: IdempotencyConfig,
  ) {}

  /**
   * Claims (scope, key) for this request, or says what to answer instead: the stored response of
   * a finished identical request, 409 while it still runs, 422 for a different request.
   */
  async claim(scope: string, key: string, requestHash: string): Promise<ClaimOutcome> {
    // A key released by a failed first attempt disappears between our two statements: try again.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const token = randomUUID();
      // Expired keys are free again; so is an identical request's claim left behind by a crash.
      const claimed: unknown[] = await this.dataSource.query(
        `INSERT INTO idempotency_keys AS k (scope, key, request_hash, state, claim_token, locked_at, created_at, expires_at)
         VALUES ($1, $2, $3, 'in_flight', $4, now(), now(), now() + $5 * interval '1 hour')
         ON CONFLICT (scope, key) DO UPDATE
           SET request_hash = EXCLUDED.request_hash, state = 'in_flight', claim_token = EXCLUDED.claim_token,
               response_status = NULL, response_headers = NULL, response_body = NULL,
               locked_at = now(), created_at = now(), expires_at = EXCLUDED.expires_at
           WHERE k.expires_at <= now()
              OR (k.state = 'in_flight' AND k.request_hash = EXCLUDED.request_hash AND k.locked_at <= now() - $6 * interval '1 second')
         RETURNING claim_token`,
        [scope, key, requestHash, token, this.config.ttlHours, this.config.inFlightTimeoutSeconds],
      );
      if (claimed.length) return { kind: 'claimed', token };

      const [existing]: KeyRow[] = await this.dataSource.query(
        `SELECT request_hash, state, response_status, response_headers, response_body
         FROM idempotency_keys WHERE scope = $1 AND key = $2 AND expires_at > now()`,
        [scope, key],
      );
      if (!existing) continue;
      if (existing.request_hash !== requestHash) throw new IdempotencyKeyReusedError();
      if (existing.state === 'in_flight') throw new IdempotencyKeyInUseError();
      return {
        kind: 'replay',
        response: { status: existing.response_status!, headers: existing.response_headers ?? {}, body: existing.response_body ?? '' },
      };
    }
    throw new IdempotencyKeyInUseError();
  }

  /** Stores the response to replay; only the holder of the claim may. */
  async complete(scope: string, key: string, token: string, response: StoredResponse): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys
       SET state = 'completed', response_status = $4, response_headers = $5, response_body = $6
       WHERE scope = $1 AND key = $2 AND claim_token = $3`,
      [scope, key, token, response.status, JSON.stringify(response.headers), response.body],
    );
  }

  /** Forgets the claim (the request failed unexpectedly): a retry with the key runs afresh. */
  async release(scope: string, key: string, token: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND claim_token = $3`, [scope, key, token]);
  }

  /** Deletes expired keys in batches; returns how many. */
  async purgeExpired(batchSize = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted] = (await this.dataSource.query(
        `DELETE FROM idempotency_keys
         WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE expires_at <= now() LIMIT $1)`,
        [batchSize],
      )) as [unknown, number];
      total += deleted;
      if (deleted < batchSize) return total;
    }
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { IdempotencyConfig } from './idempotency.config';
import { IdempotencyKeyInUseError, IdempotencyKeyReusedError } from './idempotency.errors';
import { prepared, runPrepared } from '../database/prepared-statement';

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
 * Idempotency keys in PostgreSQL. Every statement joins the ambient transaction when there is one:
 * a route whose operation is one transaction claims and completes its key inside it, so the key
 * commits (or rolls back) with the order it describes. Outside a transaction each statement
 * commits on its own.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly config: IdempotencyConfig,
  ) {}

  /**
   * Claims (scope, key) for this request, or says what to answer instead: the stored response of
   * a finished identical request, 409 while it still runs, 422 for a different request.
   * Inside a transaction, a concurrent claim of the same key waits for ours to commit or roll
   * back (the row lock / unique index), then replays or runs. `takeOver` lets an identical
   * request take an in-flight key at once (its operation finds its own earlier result by key).
   */
  async claim(scope: string, key: string, requestHash: string, options: { takeOver?: boolean } = {}): Promise<ClaimOutcome> {
    const staleAfterSeconds = options.takeOver ? 0 : this.config.inFlightTimeoutSeconds;
    // A key released by a failed first attempt disappears between our two statements: try again.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const token = randomUUID();
      const claimed: unknown[] = await runPrepared(
        this.txHost.tx,
        prepared(
          `INSERT INTO idempotency_keys AS k (scope, key, request_hash, state, claim_token, locked_at, created_at, expires_at)
         VALUES ($1, $2, $3, 'in_flight', $4, now(), now(), now() + $5 * interval '1 hour')
         ON CONFLICT (scope, key) DO UPDATE
           SET request_hash = EXCLUDED.request_hash, state = 'in_flight', claim_token = EXCLUDED.claim_token,
               response_status = NULL, response_headers = NULL, response_body = NULL,
               locked_at = now(), created_at = now(), expires_at = EXCLUDED.expires_at
           WHERE k.expires_at <= now()
              OR (k.state = 'in_flight' AND k.request_hash = EXCLUDED.request_hash AND k.locked_at <= now() - $6 * interval '1 second')
         RETURNING claim_token`,
        ),
        [scope, key, requestHash, token, this.config.ttlHours, staleAfterSeconds],
      );
      if (claimed.length) return { kind: 'claimed', token };

      const [existing]: KeyRow[] = await runPrepared(
        this.txHost.tx,
        prepared(
          `SELECT request_hash, state, response_status, response_headers, response_body
         FROM idempotency_keys WHERE scope = $1 AND key = $2 AND expires_at > now()`,
        ),
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
    await runPrepared(
      this.txHost.tx,
      prepared(
        `UPDATE idempotency_keys
       SET state = 'completed', response_status = $4, response_headers = $5, response_body = $6
       WHERE scope = $1 AND key = $2 AND claim_token = $3`,
      ),
      [scope, key, token, response.status, JSON.stringify(response.headers), response.body],
    );
  }

  /**
   * Stores the answer of a request whose transaction rolled back (a 4xx problem), unless a
   * concurrent identical request has claimed the key meanwhile.
   */
  async recordOutcome(scope: string, key: string, requestHash: string, response: StoredResponse): Promise<void> {
    await this.txHost.tx.query(
      `INSERT INTO idempotency_keys AS k (scope, key, request_hash, state, claim_token, response_status, response_headers,
                                          response_body, locked_at, created_at, expires_at)
       VALUES ($1, $2, $3, 'completed', $4, $5, $6, $7, now(), now(), now() + $8 * interval '1 hour')
       ON CONFLICT (scope, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, state = 'completed', claim_token = EXCLUDED.claim_token,
             response_status = EXCLUDED.response_status, response_headers = EXCLUDED.response_headers,
             response_body = EXCLUDED.response_body, locked_at = now(), created_at = now(), expires_at = EXCLUDED.expires_at
         WHERE k.expires_at <= now()`,
      [scope, key, requestHash, randomUUID(), response.status, JSON.stringify(response.headers), response.body, this.config.ttlHours],
    );
  }

  /** Forgets the claim (the request failed unexpectedly): a retry with the key runs afresh. */
  async release(scope: string, key: string, token: string): Promise<void> {
    await this.txHost.tx.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND claim_token = $3`, [scope, key, token]);
  }

  /** Deletes expired keys in batches; returns how many. */
  async purgeExpired(batchSize = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted] = (await this.txHost.tx.query(
        `DELETE FROM idempotency_keys
         WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE expires_at <= now() LIMIT $1)`,
        [batchSize],
      )) as [unknown, number];
      total += deleted;
      if (deleted < batchSize) return total;
    }
  }
}

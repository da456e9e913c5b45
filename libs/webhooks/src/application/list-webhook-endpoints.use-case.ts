import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, InvalidCursorError, Page, toPage } from '@congocart/shared';
import type { WebhookEndpoint } from '../domain/webhook-endpoint';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

const SCOPE = { list: 'admin-webhooks', sort: '-createdAt' };

/** Endpoints, newest first, keyset-paged by their insertion sequence. */
@Injectable()
export class ListWebhookEndpoints {
  constructor(private readonly endpoints: WebhookEndpointRepository) {}

  async execute(query: { limit: number; cursor?: string }): Promise<Page<WebhookEndpoint>> {
    const after = query.cursor ? sequenceFromCursor(query.cursor, SCOPE) : null;
    const rows = await this.endpoints.list(after, query.limit + 1);
    return toPage(
      rows,
      query.limit,
      (row) => row.endpoint,
      (row) => encodeCursor([row.seq], SCOPE),
    );
  }
}

/** A cursor is opaque but not secret: its key must be a plain integer before it reaches SQL. */
export function sequenceFromCursor(cursor: string, scope: unknown): string {
  const [seq] = decodeCursor(cursor, scope, 1);
  if (typeof seq !== 'string' || !/^\d{1,18}$/.test(seq)) throw new InvalidCursorError();
  return seq;
}

import { createHash } from 'node:crypto';
import { DomainError } from '../errors/domain-error';

export class InvalidCursorError extends DomainError {
  readonly code = 'INVALID_CURSOR';
  readonly status = 400;
  constructor() {
    super('The cursor is not valid for this list, filter and sort.', { errors: [{ field: 'cursor', message: 'invalid cursor' }] });
  }
}

export type CursorKey = string | number | boolean | null;

/**
 * Opaque keyset cursors. A cursor carries the sort key of the last row it returned and a
 * fingerprint of the list's scope (resource, filters, sort), so a cursor issued for another
 * list or filter is refused instead of silently skipping or repeating rows.
 */
export function encodeCursor(keys: CursorKey[], scope: unknown): string {
  return Buffer.from(JSON.stringify({ k: keys, s: fingerprint(scope) })).toString('base64url');
}

export function decodeCursor(cursor: string, scope: unknown, arity: number): CursorKey[] {
  let decoded: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const body = decoded as { k?: unknown; s?: unknown };
  if (
    typeof body !== 'object' ||
    body === null ||
    body.s !== fingerprint(scope) ||
    !Array.isArray(body.k) ||
    body.k.length !== arity ||
    !body.k.every((key) => key === null || ['string', 'number', 'boolean'].includes(typeof key))
  ) {
    throw new InvalidCursorError();
  }
  return body.k as CursorKey[];
}

function fingerprint(scope: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(scope ?? null))
    .digest('base64url')
    .slice(0, 16);
}

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
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
 * The server's cursor key (CURSOR_SECRET, see PlatformConfig), installed once at start-up: the
 * codec is a pair of plain functions used by every context's list use case. Until then (unit
 * tests, scripts) a random per-process key signs them.
 */
let signingKey: Buffer = randomBytes(32);

export function useCursorSigningKey(key: Buffer): void {
  signingKey = key;
}

const SIGNATURE_BYTES = 16;

/**
 * Opaque keyset cursors. A cursor carries the sort key of the last row it returned and a
 * fingerprint of the list's scope (resource, filters, sort), so a cursor issued for another
 * list or filter is refused instead of silently skipping or repeating rows. It is signed
 * (HMAC-SHA256 with the server's key): anything the server did not issue is refused before its
 * keys reach SQL.
 */
export function encodeCursor(keys: CursorKey[], scope: unknown): string {
  const payload = Buffer.from(JSON.stringify({ k: keys, s: fingerprint(scope) })).toString('base64url');
  return `${payload}.${sign(payload).toString('base64url')}`;
}

export function decodeCursor(cursor: string, scope: unknown, arity: number): CursorKey[] {
  let decoded: unknown;
  try {
    const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(cursor);
    if (!match) throw new Error('not a cursor');
    const signature = Buffer.from(match[2], 'base64url');
    if (signature.length !== SIGNATURE_BYTES || !timingSafeEqual(signature, sign(match[1]))) throw new Error('not signed by us');
    decoded = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8'));
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

function sign(payload: string): Buffer {
  return createHmac('sha256', signingKey).update(payload).digest().subarray(0, SIGNATURE_BYTES);
}

function fingerprint(scope: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(scope ?? null))
    .digest('base64url')
    .slice(0, 16);
}

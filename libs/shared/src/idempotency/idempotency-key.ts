import { createHash } from 'node:crypto';
import { ValidationFailedError } from '../errors/domain-error';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

/** 8–255 printable ASCII characters (a UUID v4 is the usual choice). */
const KEY_PATTERN = /^[\x20-\x7e]{8,255}$/;

/** The request's Idempotency-Key, or a 400 naming the header. */
export function parseIdempotencyKey(header: unknown): string {
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
    throw new ValidationFailedError(
      [{ field: 'Idempotency-Key', message: 'The Idempotency-Key header is required: 8–255 printable ASCII characters, e.g. a UUID.' }],
      typeof header === 'string' ? 'The Idempotency-Key header is invalid.' : 'The Idempotency-Key header is required.',
    );
  }
  return header;
}

/**
 * SHA-256 of method, path and body. The body is hashed in a canonical form (object keys sorted)
 * so that the same JSON sent with another key order counts as the same request.
 */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${path}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Metadata key of the route's mode, set by @Idempotent(). */
export const IDEMPOTENCY_MODE = 'congocart:idempotency-mode';

/**
 * - `transaction` (default): the handler runs in one transaction that also claims and completes
 *   the key, so the key and the operation commit together.
 * - `resumable`: for operations that must commit in several steps (a payment calls its provider
 *   between two transactions). The operation stores the key on its own record and, given an
 *   in-flight key, finds and resumes its earlier attempt instead of starting another.
 */
export type IdempotencyMode = 'transaction' | 'resumable';

/** Metadata key of the route's key scope, set by @Idempotent({ scope }). */
export const IDEMPOTENCY_SCOPE = 'congocart:idempotency-scope';

/**
 * Who a key belongs to, from the request: by default the signed-in user (`anonymous` without
 * one). Routes without a user scope keys to what the caller holds (see bearerResourceScope).
 */
export type IdempotencyScope = (request: { params?: unknown; headers: Record<string, unknown>; user?: { userId?: string } }) => string;

/** Metadata key set by @Idempotent({ sealResponse: true }): the stored answer holds a secret. */
export const IDEMPOTENCY_SEALED = 'congocart:idempotency-sealed';

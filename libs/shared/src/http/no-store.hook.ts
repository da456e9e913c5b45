import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

const PERSONAL_PATHS = /^\/api\/v1\/(auth|me|cart|carts|checkout|orders|guest-orders|admin)(\/|\?|$)/;

/**
 * onSend: personal responses (signed-in, cart-token or order-token requests, sessions, carts, orders, admin)
 * must never be stored by a shared or browser cache. A route that chose its own Cache-Control
 * (public catalog reads) keeps it.
 */
export function noStoreForPersonalResponses(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: HookHandlerDoneFunction & ((error: Error | null, payload?: unknown) => void),
): void {
  const personal =
    request.headers.authorization !== undefined ||
    request.headers['x-cart-token'] !== undefined ||
    request.headers['x-order-token'] !== undefined ||
    PERSONAL_PATHS.test(request.url);
  if (personal && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  done(null, payload);
}

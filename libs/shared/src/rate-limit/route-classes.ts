import type { RateLimitConfig } from './rate-limit.config';

export type RouteClass = 'read' | 'search' | 'write' | 'guest-cart' | 'checkout' | 'guest-checkout';

const API = '/api/v1/';
/** POST /carts/{id}/checkout: a guest has no account to count checkouts against, so only their IP does. */
const GUEST_CHECKOUT = /^\/api\/v1\/carts\/[^/]+\/checkout$/;
/** Limited elsewhere (sign-in has its own limits) or not by client (signed provider webhooks). */
const EXEMPT_PREFIXES = ['/api/v1/auth/', '/api/v1/payments/webhooks/'];

/**
 * Which class of limits a request falls under; null: not limited here (health, metrics, docs,
 * CORS pre-flights, /auth). Reads are generous, searches (uncached full-text queries), writes,
 * guest-cart creation and checkouts progressively tighter.
 */
export function routeClassOf(method: string, url: string): RouteClass | null {
  if (!url.startsWith(API) || method === 'OPTIONS') return null;
  if (EXEMPT_PREFIXES.some((prefix) => url.startsWith(prefix))) return null;
  const [path, query = ''] = url.split('?', 2);
  if (method === 'GET' || method === 'HEAD') return path === '/api/v1/products' && /(^|&)q=/.test(query) ? 'search' : 'read';
  if (method === 'POST' && path === '/api/v1/carts') return 'guest-cart';
  if (method === 'POST' && path === '/api/v1/checkout') return 'checkout';
  if (method === 'POST' && GUEST_CHECKOUT.test(path)) return 'guest-checkout';
  return 'write';
}

export interface LimitRule {
  /** Names the policy in RateLimit-Policy, e.g. `writes-ip`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

/** The per-IP rules of a class; every request also counts against the reads or writes budget. */
export function ipRules(routeClass: RouteClass, config: RateLimitConfig): LimitRule[] {
  const window = config.windowSeconds;
  const reads = { name: 'reads-ip', limit: config.readsPerIp, windowSeconds: window };
  const writes = { name: 'writes-ip', limit: config.writesPerIp, windowSeconds: window };
  switch (routeClass) {
    case 'read':
      return [reads];
    case 'search':
      return [reads, { name: 'searches-ip', limit: config.searchesPerIp, windowSeconds: window }];
    case 'write':
      return [writes];
    case 'guest-cart':
      return [writes, { name: 'guest-carts-ip', limit: config.guestCartsPerIp, windowSeconds: window }];
    case 'checkout':
      return [writes, { name: 'checkouts-ip', limit: config.checkoutsPerHourPerIp, windowSeconds: 3600 }];
    case 'guest-checkout':
      return [writes, { name: 'guest-checkouts-ip', limit: config.guestCheckoutsPerHourPerIp, windowSeconds: 3600 }];
  }
}

/** The per-user rules of a class (signed-in requests). */
export function userRules(routeClass: RouteClass, config: RateLimitConfig): LimitRule[] {
  const window = config.windowSeconds;
  if (routeClass === 'read' || routeClass === 'search') return [{ name: 'reads-user', limit: config.readsPerUser, windowSeconds: window }];
  const writes = { name: 'writes-user', limit: config.writesPerUser, windowSeconds: window };
  if (routeClass === 'checkout') return [writes, { name: 'checkouts-user', limit: config.checkoutsPerHourPerUser, windowSeconds: 3600 }];
  return [writes];
}

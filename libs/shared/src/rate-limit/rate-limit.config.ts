import { EnvReader } from '../config/env';

/**
 * General request limits, per client IP and per signed-in user, by route class (counted in
 * fixed windows of RATE_LIMIT_WINDOW_SECONDS). Per-IP limits are generous on purpose: many
 * shoppers may share one NAT or backend-for-frontend address.
 */
export class RateLimitConfig {
  readonly enabled: boolean;
  readonly windowSeconds: number;
  readonly readsPerIp: number;
  readonly readsPerUser: number;
  readonly searchesPerIp: number;
  readonly writesPerIp: number;
  readonly writesPerUser: number;
  readonly guestCartsPerIp: number;
  /** Checkout attempts (hoarding stock is one checkout after another), counted per hour. */
  readonly checkoutsPerHourPerIp: number;
  readonly checkoutsPerHourPerUser: number;
  /** Guest checkouts (POST /carts/{id}/checkout) per hour and client IP: guests have no per-user budget. */
  readonly guestCheckoutsPerHourPerIp: number;
  readonly keyPrefix: string;

  constructor(env: EnvReader = new EnvReader()) {
    this.enabled = env.bool('RATE_LIMIT_ENABLED', true);
    this.windowSeconds = env.int('RATE_LIMIT_WINDOW_SECONDS', 60, { min: 1, max: 3600 });
    this.readsPerIp = env.int('RATE_LIMIT_READS_PER_IP', 1200, { min: 1 });
    this.readsPerUser = env.int('RATE_LIMIT_READS_PER_USER', 600, { min: 1 });
    this.searchesPerIp = env.int('RATE_LIMIT_SEARCHES_PER_IP', 300, { min: 1 });
    this.writesPerIp = env.int('RATE_LIMIT_WRITES_PER_IP', 600, { min: 1 });
    this.writesPerUser = env.int('RATE_LIMIT_WRITES_PER_USER', 180, { min: 1 });
    this.guestCartsPerIp = env.int('RATE_LIMIT_GUEST_CARTS_PER_IP', 60, { min: 1 });
    this.checkoutsPerHourPerIp = env.int('CHECKOUT_ATTEMPTS_PER_HOUR_PER_IP', 120, { min: 1 });
    this.checkoutsPerHourPerUser = env.int('CHECKOUT_ATTEMPTS_PER_HOUR_PER_CUSTOMER', 20, { min: 1 });
    this.guestCheckoutsPerHourPerIp = env.int('GUEST_CHECKOUT_ATTEMPTS_PER_HOUR_PER_IP', 60, { min: 1 });
    this.keyPrefix = env.string('RATE_LIMIT_KEY_PREFIX', 'congocart:');
  }
}

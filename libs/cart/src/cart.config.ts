import { EnvReader } from '@congocart/shared';

/** Settings of the cart context. */
export class CartConfig {
  /** A guest cart unchanged for longer than this is gone (404 on read, deleted by the cleanup job). */
  readonly guestCartTtlHours: number;

  constructor(env: EnvReader = new EnvReader()) {
    this.guestCartTtlHours = env.int('GUEST_CART_TTL_HOURS', 72, { min: 1, max: 24 * 365 });
  }
}

import { Injectable } from '@nestjs/common';
import { CartConfig } from '../cart.config';
import { CartRepository } from './cart.repository';

const BATCH_SIZE = 500;

/**
 * Deletes guest carts unchanged for longer than GUEST_CART_TTL_HOURS, in small batches so no
 * statement holds many locks. Reads already treat such carts as gone; this frees the rows.
 */
@Injectable()
export class ExpireGuestCarts {
  constructor(
    private readonly carts: CartRepository,
    private readonly config: CartConfig,
  ) {}

  async execute(): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.carts.deleteIdleGuestCarts(this.config.guestCartTtlHours, BATCH_SIZE);
      total += deleted;
      if (deleted < BATCH_SIZE) return total;
    }
  }
}

import { Injectable } from '@nestjs/common';
import { Transactional } from '@congocart/shared';
import { CartAccess } from './cart-access';
import type { CartHolder } from './cart-holder';
import { CartRepository } from './cart.repository';

/** Removes every line; the cart itself stays (empty) as the holder's active cart. */
@Injectable()
export class EmptyCart {
  constructor(
    private readonly access: CartAccess,
    private readonly carts: CartRepository,
  ) {}

  @Transactional()
  async execute(holder: CartHolder): Promise<void> {
    const cart = await this.access.lock(holder);
    await this.carts.removeAllLines(cart.id);
  }
}

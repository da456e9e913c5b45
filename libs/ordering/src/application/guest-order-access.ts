import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@congocart/shared';
import { OrderToken } from '../domain/order-token';
import { OrderRepository } from './order.repository';

// Compared against when there is no stored hash, so an unknown order costs the same comparison.
const NO_HASH = Buffer.alloc(32);

/**
 * The guest-order routes' access check: the X-Order-Token presented must be the order's token
 * (compared by hash, in constant time). A missing or wrong token, an unknown order or a
 * customer's order is the same 404 as someone else's order. The hash never changes, so a check
 * before the use case is as good as one inside it.
 */
@Injectable()
export class GuestOrderAccess {
  constructor(private readonly orders: OrderRepository) {}

  async verify(orderId: string, token: string | undefined): Promise<void> {
    const stored = await this.orders.orderTokenHashOf(orderId);
    const matches = OrderToken.matches(token, stored ?? NO_HASH);
    if (!stored || !matches) throw new NotFoundError('Order');
  }
}

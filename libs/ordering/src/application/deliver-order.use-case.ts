import { Injectable } from '@nestjs/common';
import type { OrderDetails } from './get-order.use-case';
import { OrderTransitions } from './order-transitions';

/** The carrier handed the parcel over. */
@Injectable()
export class DeliverOrder {
  constructor(private readonly transitions: OrderTransitions) {}

  execute(input: { orderId: string; actor: string }): Promise<OrderDetails> {
    return this.transitions.run(input.orderId, null, (order) => order.deliver(input.actor));
  }
}

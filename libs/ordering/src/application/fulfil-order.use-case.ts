import { Injectable } from '@nestjs/common';
import { StockReservations } from '@congocart/inventory';
import type { Shipment } from '../domain/order';
import type { OrderDetails } from './get-order.use-case';
import { OrderTransitions } from './order-transitions';

/** A paid order ships: its reserved units leave the building (onHand and reserved both fall). */
@Injectable()
export class FulfilOrder {
  constructor(
    private readonly transitions: OrderTransitions,
    private readonly stock: StockReservations,
  ) {}

  execute(input: { orderId: string; actor: string; shipment: Shipment }): Promise<OrderDetails> {
    return this.transitions.run(input.orderId, null, (order) => {
      order.fulfil(input.actor, input.shipment);
      return () => this.stock.commit(order.stockLines(), order.number);
    });
  }
}

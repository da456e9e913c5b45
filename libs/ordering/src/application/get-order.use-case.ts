import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@congocart/shared';
import type { OrderState } from '../domain/order';
import { OrderPaymentRecords, OrderPaymentView } from './order-payment-records.port';
import { OrderRepository } from './order.repository';

export interface OrderDetails {
  order: Readonly<OrderState>;
  payments: OrderPaymentView[];
}

/** One order with its history and payments; `customerId` limits it to that customer's orders. */
@Injectable()
export class GetOrder {
  constructor(
    private readonly orders: OrderRepository,
    private readonly payments: OrderPaymentRecords,
  ) {}

  async execute(input: { orderId: string; customerId: string | null }): Promise<OrderDetails> {
    const order = await this.orders.findById(input.orderId);
    if (!order || (input.customerId !== null && order.customerId !== input.customerId)) throw new NotFoundError('Order');
    return { order: order.snapshot(), payments: await this.payments.listForOrder(order.id) };
  }
}

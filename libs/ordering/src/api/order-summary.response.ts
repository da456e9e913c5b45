import { ApiProperty } from '@nestjs/swagger';
import { MoneyResponse } from '@congocart/shared';
import type { OrderSummary } from '../application/order-queries';
import { ORDER_STATUSES } from '../domain/order-status';

/** A row of an order list. */
export class OrderSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'CC-10042' })
  number: string;
  @ApiProperty({ enum: ORDER_STATUSES, enumName: 'OrderStatus' })
  status: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for a guest order' })
  customerId: string | null;
  @ApiProperty({ type: MoneyResponse })
  total: MoneyResponse;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(summary: Omit<OrderSummary, 'sortKey'>): OrderSummaryResponse {
    return Object.assign(new OrderSummaryResponse(), {
      id: summary.id,
      number: summary.number,
      status: summary.status,
      customerId: summary.customerId,
      total: summary.total,
      createdAt: summary.createdAt.toISOString(),
    });
  }
}

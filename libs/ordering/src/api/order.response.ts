import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MoneyResponse } from '@congocart/shared';
import type { OrderDetails } from '../application/get-order.use-case';
import { orderView } from '../application/order-view';
import type { OrderState } from '../domain/order';
import { ORDER_STATUSES } from '../domain/order-status';
import { PaymentResponse } from './payment.response';

export class AddressResponse {
  @ApiProperty({ example: 'Ada Lovelace' })
  name: string;
  @ApiProperty({ example: '12 St James’s Square' })
  line1: string;
  @ApiPropertyOptional({ example: 'Flat 3' })
  line2?: string;
  @ApiProperty({ example: 'London' })
  city: string;
  @ApiPropertyOptional({ example: 'Greater London' })
  region?: string;
  @ApiProperty({ example: 'SW1Y 4JH' })
  postalCode: string;
  @ApiProperty({ example: 'GB', description: 'ISO 3166-1 alpha-2' })
  country: string;
}

/** A line as it was bought: later catalog changes do not alter it. */
export class OrderLineResponse {
  @ApiProperty({ format: 'uuid' })
  variantId: string;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty({ example: 'TEE-M-RED' })
  sku: string;
  @ApiProperty({ example: 'Classic Tee', description: 'The product’s name' })
  name: string;
  @ApiProperty({ example: 'Medium / Red', description: 'The variant’s own name' })
  variantName: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { size: 'M', colour: 'red' } })
  options: Record<string, string>;
  @ApiProperty({ type: MoneyResponse })
  unitPrice: MoneyResponse;
  @ApiProperty({ type: 'integer', example: 2 })
  quantity: number;
  @ApiProperty({ type: MoneyResponse })
  lineTotal: MoneyResponse;
}

export class HistoryEntryResponse {
  @ApiProperty({ enum: ORDER_STATUSES, enumName: 'OrderStatus', nullable: true, description: 'null for the first entry' })
  from: string | null;
  @ApiProperty({ enum: ORDER_STATUSES, enumName: 'OrderStatus' })
  to: string;
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty({ example: 'system', description: 'The acting user’s id, or `system` (expiry job, webhooks)' })
  actor: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'payment window expired' })
  reason: string | null;
}

export class ShipmentResponse {
  @ApiProperty({ example: 'UPS' })
  carrier: string;
  @ApiProperty({ example: '1Z999AA10123456784' })
  trackingNumber: string;
}

export class OrderResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'CC-10042' })
  number: string;
  @ApiProperty({ enum: ORDER_STATUSES, enumName: 'OrderStatus', example: 'pending_payment' })
  status: string;
  @ApiProperty({ format: 'uuid' })
  customerId: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'email',
    description: 'Where the order’s e-mails go: the customer’s address at checkout',
  })
  email: string | null;
  @ApiProperty({ type: [OrderLineResponse] })
  lines: OrderLineResponse[];
  @ApiProperty({ type: MoneyResponse })
  subtotal: MoneyResponse;
  @ApiProperty({ type: MoneyResponse })
  shippingFee: MoneyResponse;
  @ApiProperty({ type: MoneyResponse })
  total: MoneyResponse;
  @ApiProperty({ type: AddressResponse })
  shippingAddress: AddressResponse;
  @ApiProperty({ type: ShipmentResponse, nullable: true, description: 'Set when the order is fulfilled' })
  shipment: ShipmentResponse | null;
  @ApiProperty({ type: [PaymentResponse] })
  payments: PaymentResponse[];
  @ApiProperty({ type: [HistoryEntryResponse], description: 'Every status change, oldest first' })
  history: HistoryEntryResponse[];
  @ApiProperty({ format: 'date-time', description: 'An order still unpaid at this time is cancelled and its stock released' })
  paymentDueAt: string;
  @ApiProperty({ type: 'integer', example: 1, description: 'Grows with every change' })
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  static from({ order, payments }: OrderDetails): OrderResponse {
    return Object.assign(new OrderResponse(), orderView(order, payments));
  }

  /** A freshly changed order together with its (unchanged) payments. */
  static of(order: Readonly<OrderState>, payments: OrderDetails['payments'] = []): OrderResponse {
    return OrderResponse.from({ order, payments });
  }
}

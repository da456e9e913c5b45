import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { AppliedDiscountResponse, TaxLineResponse } from '@congocart/pricing';
import { MoneyResponse } from '@congocart/shared';
import type { OrderDetails } from '../application/get-order.use-case';
import { orderView } from '../application/order-view';
import { GUEST_ACTOR, OrderState, SYSTEM_ACTOR } from '../domain/order';
import { ORDER_STATUSES } from '../domain/order-status';

export class OrderAddressResponse {
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
  @ApiProperty({ type: MoneyResponse, description: 'This line’s share of the discounts' })
  discountAmount: MoneyResponse;
  @ApiProperty({ type: MoneyResponse, description: 'Tax on this line (after its discount), rounded half-up' })
  taxAmount: MoneyResponse;
  @ApiProperty({ type: 'integer', example: 1600, description: 'Basis points; 0 when no rate applied' })
  taxRate: number;
}

/** The shipping method as it was at checkout. */
export class OrderShippingMethodResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'standard' })
  code: string;
  @ApiProperty({ example: 'Standard shipping' })
  name: string;
}

export class HistoryEntryResponse {
  @ApiProperty({ enum: ORDER_STATUSES, enumName: 'OrderStatus', nullable: true, description: 'null for the first entry' })
  from: string | null;
  @ApiProperty({ enum: ORDER_STATUSES, enumName: 'OrderStatus' })
  to: string;
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty({
    example: 'system',
    description:
      'The acting user’s id, `system` (expiry job, webhooks) or `guest` (the holder of a guest order’s token); customers see `staff` for staff users',
  })
  actor: string;
  @ApiProperty({ type: String, nullable: true, example: 'payment window expired', description: 'null when none was given' })
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
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null for a guest order; the user’s id once they verify the order’s e-mail address',
  })
  customerId: string | null;
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
  @ApiProperty({ type: MoneyResponse, description: 'Line discounts (a free-shipping discount is not counted)' })
  discountTotal: MoneyResponse;
  @ApiProperty({ type: MoneyResponse })
  shippingFee: MoneyResponse;
  @ApiProperty({ type: MoneyResponse, description: 'Added on top, or (pricesIncludeTax) the part of the total that is tax' })
  taxTotal: MoneyResponse;
  @ApiProperty({ type: MoneyResponse, description: 'subtotal − discountTotal + shippingFee (+ taxTotal unless pricesIncludeTax)' })
  total: MoneyResponse;
  @ApiProperty({ description: 'Whether the prices included tax when the order was placed' })
  pricesIncludeTax: boolean;
  @ApiProperty({ type: [AppliedDiscountResponse] })
  discounts: AppliedDiscountResponse[];
  @ApiProperty({ type: [TaxLineResponse], description: 'One per (taxCategory, rate); shipping tax joins the standard line' })
  taxLines: TaxLineResponse[];
  @ApiProperty({
    type: OrderShippingMethodResponse,
    nullable: true,
    description: 'null for orders placed before shipping methods existed (they were charged the flat fee)',
  })
  shippingMethod: OrderShippingMethodResponse | null;
  @ApiProperty({ type: OrderAddressResponse })
  shippingAddress: OrderAddressResponse;
  @ApiProperty({ type: ShipmentResponse, nullable: true, description: 'Set when the order is fulfilled' })
  shipment: ShipmentResponse | null;
  // The payments context owns the Payment schema (it answers POST /orders/{id}/payments with it);
  // ordering refers to it by name, since ordering cannot depend on payments.
  @ApiProperty({ type: 'array', items: { $ref: getSchemaPath('PaymentResponse') } })
  payments: OrderPaymentResponse[];
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

  /** The customer's (or guest's) own view: staff ids in the history read `staff` (`system` and `guest` stay). */
  static forCustomer(details: OrderDetails): OrderResponse {
    const response = OrderResponse.from(details);
    const customerId = details.order.customerId;
    response.history = response.history.map((entry) => ({
      ...entry,
      actor: entry.actor === customerId || entry.actor === SYSTEM_ACTOR || entry.actor === GUEST_ACTOR ? entry.actor : 'staff',
    }));
    return response;
  }

  /** A freshly changed order together with its (unchanged) payments. */
  static of(order: Readonly<OrderState>, payments: OrderDetails['payments'] = []): OrderResponse {
    return OrderResponse.from({ order, payments });
  }
}

/** The JSON of one of an order's payments (schema PaymentResponse, owned by payments). */
export type OrderPaymentResponse = ReturnType<typeof orderView>['payments'][number];

import { ApiProperty } from '@nestjs/swagger';
import { MoneyResponse } from '@congocart/shared';
import { OrderPaymentView, PAYMENT_STATUSES } from '../application/order-payment-records.port';
import { paymentView } from '../application/order-view';

/** A payment attempt (also the body of POST /orders/{id}/payments). */
export class PaymentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  orderId: string;
  @ApiProperty({ enum: PAYMENT_STATUSES, enumName: 'PaymentStatus', example: 'succeeded' })
  status: string;
  @ApiProperty({ type: MoneyResponse, description: 'Always the order total at the time of the charge' })
  amount: MoneyResponse;
  @ApiProperty({ example: 'sandbox' })
  provider: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(payment: OrderPaymentView): PaymentResponse {
    return Object.assign(new PaymentResponse(), paymentView(payment));
  }
}

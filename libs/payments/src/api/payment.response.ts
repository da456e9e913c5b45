import { ApiProperty } from '@nestjs/swagger';
import { MoneyResponse } from '@congocart/shared';
import { Payment, PAYMENT_STATUSES } from '../domain/payment';

/** A payment attempt: the body of POST /orders/{id}/payments, and each of an order's `payments` (by schema name). */
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

  static from(payment: Pick<Payment, 'id' | 'orderId' | 'status' | 'amount' | 'currency' | 'provider' | 'createdAt'>): PaymentResponse {
    return Object.assign(new PaymentResponse(), {
      id: payment.id,
      orderId: payment.orderId,
      status: payment.status,
      amount: { amount: payment.amount, currency: payment.currency },
      provider: payment.provider,
      createdAt: payment.createdAt.toISOString(),
    });
  }
}

import { Injectable } from '@nestjs/common';
import { OrderPaymentRecords, OrderPaymentView } from '@congocart/ordering';
import { PaymentRepository } from './payment.repository';

/** Ordering's OrderPaymentRecords port: an order's payment attempts, oldest first. */
@Injectable()
export class PaymentRecordsForOrders extends OrderPaymentRecords {
  constructor(private readonly payments: PaymentRepository) {
    super();
  }

  async listForOrder(orderId: string): Promise<OrderPaymentView[]> {
    const payments = await this.payments.listForOrder(orderId);
    return payments.map(({ id, status, amount, currency, provider, createdAt }) => ({
      id,
      orderId,
      status,
      amount,
      currency,
      provider,
      createdAt,
    }));
  }
}

export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A payment attempt as an order shows it. */
export interface OrderPaymentView {
  id: string;
  orderId: string;
  status: PaymentStatus;
  amount: number;
  currency: string;
  provider: string;
  createdAt: Date;
}

/** Read access to an order's payments, implemented by the payments context. */
export abstract class OrderPaymentRecords {
  abstract listForOrder(orderId: string): Promise<OrderPaymentView[]>;
}

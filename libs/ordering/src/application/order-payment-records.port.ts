/** A payment attempt as an order shows it. */
export interface OrderPaymentView {
  id: string;
  orderId: string;
  /** One of the payments context's statuses; ordering shows it and does not interpret it. */
  status: string;
  amount: number;
  currency: string;
  provider: string;
  createdAt: Date;
}

/** Read access to an order's payments, implemented by the payments context. */
export abstract class OrderPaymentRecords {
  abstract listForOrder(orderId: string): Promise<OrderPaymentView[]>;
}

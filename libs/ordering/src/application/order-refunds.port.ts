/**
 * Ordering's need from payments, implemented by the payments context (which may depend on
 * ordering, never the reverse) and provided to ordering through a global module.
 */
export interface OrderRefundRequest {
  orderId: string;
  /** The acting user's id, or `system`. */
  actor: string;
  reason: string | null;
}

export abstract class OrderRefunds {
  /**
   * Refunds the order's successful payment in full, inside the caller's transaction (the order's
   * status change and the refund record commit together). Throws when there is none to refund.
   */
  abstract refundOrder(request: OrderRefundRequest): Promise<void>;
}

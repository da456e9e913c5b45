export interface Money {
  amount: number;
  currency: string;
}

/** What the order e-mails show of an order (a subset of the admin Order shape). */
export interface OrderSummary {
  id: string;
  number: string;
  lines: { name: string; variantName?: string; quantity: number; lineTotal: Money }[];
  subtotal?: Money;
  shippingFee?: Money;
  total: Money;
}

export const TEMPLATE_NAMES = [
  'order_confirmation',
  'payment_received',
  'order_shipped',
  'order_cancelled',
  'order_refunded',
  'password_reset',
  'email_verification',
  'guest_order_link',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** A message to render: the template and exactly the data it needs. */
export type Notification =
  | {
      template: 'order_confirmation';
      order: OrderSummary;
      /** A guest order's token: the link then opens the order with it. */ orderToken?: string;
    }
  | { template: 'payment_received' | 'order_cancelled' | 'order_refunded'; order: OrderSummary }
  | { template: 'order_shipped'; order: OrderSummary; carrier: string; trackingNumber: string }
  | { template: 'password_reset' | 'email_verification'; name?: string; token: string }
  | { template: 'guest_order_link'; order: OrderSummary; orderToken: string };

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface StoreIdentity {
  storeName: string;
  storefrontUrl: string;
}

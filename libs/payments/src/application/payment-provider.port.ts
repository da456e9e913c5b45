import type { Money } from '@congocart/shared';
import type { WebhookEvent } from '../domain/webhook-event';

export interface ChargeRequest {
  paymentId: string;
  orderId: string;
  amount: Money;
  /** The client-side token of the payment method (never card data). */
  token: string;
}

export type ChargeResult =
  { status: 'succeeded' | 'pending'; reference: string } | { status: 'failed'; reference: string; declineCode: string };

export interface RefundRequest {
  paymentId: string;
  /** The provider's id of the charge being refunded. */
  reference: string;
  amount: Money;
}

/** A payment service provider (the `sandbox` adapter today). */
export abstract class PaymentProvider {
  abstract readonly name: string;
  /** Throws InvalidPaymentTokenError for a token the provider does not know (nothing is charged). */
  abstract charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Refunds a successful charge in full; returns the provider's refund id. */
  abstract refund(request: RefundRequest): Promise<{ reference: string }>;
  /**
   * Checks the provider's signature over the exact raw body before reading anything
   * (InvalidSignatureError, 401), then parses the event (ValidationFailedError, 400).
   */
  abstract verifyWebhook(rawBody: Buffer, signatureHeader: string | undefined, now: Date): WebhookEvent;
}

/** The providers this store is connected to, by name. */
export abstract class PaymentProviders {
  /** The provider new charges go to. */
  abstract readonly primary: PaymentProvider;
  abstract byName(name: string): PaymentProvider | null;
}

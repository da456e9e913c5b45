import type { Money } from '@congocart/shared';
import type { WebhookEvent } from '../domain/webhook-event';

export interface ChargeRequest {
  /** Also the provider-side idempotency key: a repeated call for one payment never charges twice. */
  paymentId: string;
  orderId: string;
  amount: Money;
  /** The client-side token of the payment method (never card data). */
  token: string;
}

export type ChargeResult =
  { status: 'succeeded' | 'pending'; reference: string } | { status: 'failed'; reference: string; declineCode: string };

export interface RefundRequest {
  /** The refund's idempotency key is derived from it: one refund per payment. */
  paymentId: string;
  /** The provider's id of the charge being refunded. */
  reference: string;
  amount: Money;
}

/** The provider could not be reached or did not answer in time: the outcome is unknown. */
export class ProviderUnreachableError extends Error {
  constructor(reason: string) {
    super(`Payment provider unavailable: ${reason}`);
    this.name = 'ProviderUnreachableError';
  }
}

/** A payment service provider (the `sandbox` adapter today). Calls are never made inside a database transaction. */
export abstract class PaymentProvider {
  abstract readonly name: string;
  /**
   * Charges once per paymentId (a repeat returns the first outcome). Throws InvalidPaymentTokenError
   * for a token the provider does not know (nothing is charged), ProviderUnreachableError
   * when the outcome is unknown.
   */
  abstract charge(request: ChargeRequest): Promise<ChargeResult>;
  /** The provider's record of the charge made for this payment id, or null when it never charged. */
  abstract findCharge(paymentId: string): Promise<ChargeResult | null>;
  /** Refunds a successful charge in full, once per payment; returns the provider's refund id. */
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

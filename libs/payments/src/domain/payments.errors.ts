import { ConflictError, DomainError, ServiceUnavailableError, ValidationFailedError } from '@congocart/shared/kernel';

export class PaymentDeclinedError extends DomainError {
  readonly code = 'PAYMENT_DECLINED';
  readonly status = 402;
  constructor(paymentId: string, declineCode: string | null) {
    super('The payment was declined: try another payment method (with a new Idempotency-Key).', { paymentId, declineCode });
  }
}

/** The provider does not know the token; nothing was charged or recorded. */
export class InvalidPaymentTokenError extends ValidationFailedError {
  constructor() {
    super(
      [{ field: 'paymentToken', message: 'The payment provider does not recognise this payment token.' }],
      'The payment token is not valid.',
    );
  }
}

export class PaymentPendingError extends ConflictError {
  constructor(paymentId: string) {
    super('PAYMENT_PENDING', 'A payment for this order is awaiting confirmation from the provider.', { paymentId });
  }
}

export class NoRefundablePaymentError extends ConflictError {
  constructor() {
    super('NO_REFUNDABLE_PAYMENT', 'The order has no successful payment to refund.');
  }
}

export class InvalidSignatureError extends DomainError {
  readonly code = 'INVALID_SIGNATURE';
  readonly status = 401;
  constructor() {
    super('The webhook signature is missing, malformed, wrong or too old.');
  }
}

/** The provider's answer is unknown (timeout, outage): the payment stays pending and is settled by a retry or reconciliation. */
export class PaymentProviderUnavailableError extends ServiceUnavailableError {
  constructor(paymentId: string) {
    super(
      'PAYMENT_PROVIDER_UNAVAILABLE',
      'The payment provider did not answer: retry with the same Idempotency-Key (you will not be charged twice).',
      5,
      { paymentId },
    );
  }
}

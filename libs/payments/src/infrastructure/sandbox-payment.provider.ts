import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isValidWebhookSignature } from '@congocart/shared';
import { ChargeRequest, ChargeResult, PaymentProvider, RefundRequest } from '../application/payment-provider.port';
import { InvalidPaymentTokenError, InvalidSignatureError } from '../domain/payments.errors';
import { parseWebhookEvent, WebhookEvent } from '../domain/webhook-event';
import { PaymentsConfig } from '../payments.config';

/**
 * A provider that behaves like a real one without moving money: test tokens decide the outcome
 * (`tok_visa` succeeds, `tok_chargeDeclined` is declined, `tok_pending` waits for a webhook;
 * any other token is unknown → 400), charges and refunds get provider ids, and webhooks are
 * signed with PAYMENT_WEBHOOK_SECRET.
 */
@Injectable()
export class SandboxPaymentProvider extends PaymentProvider {
  readonly name = 'sandbox';

  constructor(private readonly config: PaymentsConfig) {
    super();
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const reference = `ch_sandbox_${randomBytes(12).toString('hex')}`;
    switch (request.token) {
      case 'tok_visa':
        return { status: 'succeeded', reference };
      case 'tok_pending':
        return { status: 'pending', reference };
      case 'tok_chargeDeclined':
        return { status: 'failed', reference, declineCode: 'card_declined' };
      default:
        throw new InvalidPaymentTokenError();
    }
  }

  async refund(_request: RefundRequest): Promise<{ reference: string }> {
    return { reference: `re_sandbox_${randomBytes(12).toString('hex')}` };
  }

  verifyWebhook(rawBody: Buffer, signatureHeader: string | undefined, now: Date): WebhookEvent {
    if (!isValidWebhookSignature(this.config.webhookSecret, rawBody, signatureHeader, now)) throw new InvalidSignatureError();
    return parseWebhookEvent(rawBody);
  }
}

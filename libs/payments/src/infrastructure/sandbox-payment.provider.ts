import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isValidWebhookSignature } from '@congocart/shared';
import { DataSource } from 'typeorm';
import {
  ChargeRequest,
  ChargeResult,
  PaymentProvider,
  ProviderUnreachableError,
  RefundRequest,
} from '../application/payment-provider.port';
import { InvalidPaymentTokenError, InvalidSignatureError } from '../domain/payments.errors';
import { parseWebhookEvent, WebhookEvent } from '../domain/webhook-event';
import { PaymentsConfig } from '../payments.config';

type Outcome = 'succeeded' | 'pending' | 'failed';

/** Test tokens and what the sandbox does with them. */
const TOKENS: Record<string, { outcome: Outcome; fault?: 'timeout_after_charge' | 'transient' }> = {
  tok_visa: { outcome: 'succeeded' },
  tok_pending: { outcome: 'pending' },
  tok_chargeDeclined: { outcome: 'failed' },
  // Charges, then never answers the first call (a lost response): a retry or reconciliation finds the charge.
  tok_chargeThenTimeout: { outcome: 'succeeded', fault: 'timeout_after_charge' },
  // The first call fails before charging (a 503 from the provider); the next one succeeds.
  tok_transientFailure: { outcome: 'succeeded', fault: 'transient' },
};

interface ChargeRow {
  reference: string;
  status: Outcome | 'unavailable';
  decline_code: string | null;
  inserted: boolean;
}

/**
 * A provider that behaves like a real one without moving money: test tokens decide the outcome
 * (see TOKENS; any other token is unknown → 400), charges and refunds get provider ids, every
 * charge is recorded under its idempotency key (the payment id) so a repeated call returns the
 * first outcome, and webhooks are signed with PAYMENT_WEBHOOK_SECRET. Its ledger lives in the
 * `sandbox_provider_charges` table (the fake provider's state, autocommit, outside CongoCart's
 * transactions) so that it survives restarts like a real provider's.
 */
@Injectable()
export class SandboxPaymentProvider extends PaymentProvider {
  readonly name = 'sandbox';

  constructor(
    private readonly config: PaymentsConfig,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const behaviour = TOKENS[request.token];
    if (!behaviour) throw new InvalidPaymentTokenError();
    if (behaviour.fault === 'transient') {
      const first = await this.record(request, 'unavailable', null);
      if (first.inserted) throw new ProviderUnreachableError('sandbox: temporarily unavailable (tok_transientFailure)');
    }
    const row = await this.record(request, behaviour.outcome, behaviour.outcome === 'failed' ? 'card_declined' : null);
    if (behaviour.fault === 'timeout_after_charge' && row.inserted) {
      throw new ProviderUnreachableError('sandbox: timed out after charging (tok_chargeThenTimeout)');
    }
    const result = toResult(row);
    if (!result) throw new ProviderUnreachableError('sandbox: temporarily unavailable');
    return result;
  }

  async findCharge(paymentId: string): Promise<ChargeResult | null> {
    const rows: ChargeRow[] = await this.dataSource.query(
      `SELECT reference, status, decline_code, false AS inserted FROM sandbox_provider_charges WHERE idempotency_key = $1`,
      [paymentId],
    );
    return rows.length ? toResult(rows[0]) : null;
  }

  async refund(request: RefundRequest): Promise<{ reference: string }> {
    const rows: { refund_reference: string }[] = await this.dataSource.query(
      `UPDATE sandbox_provider_charges SET refund_reference = coalesce(refund_reference, $2)
       WHERE idempotency_key = $1 RETURNING refund_reference`,
      [request.paymentId, `re_sandbox_${randomBytes(12).toString('hex')}`],
    );
    // A charge this ledger never saw (made before it existed) is refunded all the same.
    return { reference: rows[0]?.refund_reference ?? `re_sandbox_${randomBytes(12).toString('hex')}` };
  }

  verifyWebhook(rawBody: Buffer, signatureHeader: string | undefined, now: Date): WebhookEvent {
    if (!isValidWebhookSignature(this.config.webhookSecret, rawBody, signatureHeader, now)) throw new InvalidSignatureError();
    return parseWebhookEvent(rawBody);
  }

  /** Records the charge once per key; a placeholder left by a transient failure is replaced, anything else is kept. */
  private async record(request: ChargeRequest, status: ChargeRow['status'], declineCode: string | null): Promise<ChargeRow> {
    const [row]: ChargeRow[] = await this.dataSource.query(
      `INSERT INTO sandbox_provider_charges AS c (idempotency_key, order_id, reference, status, decline_code, amount, currency)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (idempotency_key) DO UPDATE
         SET attempts = c.attempts + 1,
             status = CASE WHEN c.status = 'unavailable' THEN EXCLUDED.status ELSE c.status END,
             decline_code = CASE WHEN c.status = 'unavailable' THEN EXCLUDED.decline_code ELSE c.decline_code END
       RETURNING reference, status, decline_code, (xmax = 0) AS inserted`,
      [
        request.paymentId,
        request.orderId,
        `ch_sandbox_${randomBytes(12).toString('hex')}`,
        status,
        declineCode,
        request.amount.amount,
        request.amount.currency,
      ],
    );
    return row;
  }
}

function toResult(row: ChargeRow): ChargeResult | null {
  if (row.status === 'unavailable') return null;
  if (row.status === 'failed') return { status: 'failed', reference: row.reference, declineCode: row.decline_code ?? 'card_declined' };
  return { status: row.status, reference: row.reference };
}

import { DomainError } from '@congocart/shared/kernel';
import type { PromotionInvalidReason } from './promotion';

export class ShippingUnavailableError extends DomainError {
  readonly code = 'SHIPPING_UNAVAILABLE';
  readonly status = 422;
  constructor(country: string) {
    super(`No active shipping method (or not the one chosen) ships to ${country}.`);
  }
}

export class ShippingCodeTakenError extends DomainError {
  readonly code = 'CODE_TAKEN';
  readonly status = 409;
  constructor(code: string) {
    super(`A shipping method with code "${code}" already exists.`);
  }
}

export class TaxRateExistsError extends DomainError {
  readonly code = 'TAX_RATE_EXISTS';
  readonly status = 409;
  constructor() {
    super('A rate for this country, region and tax category already exists.');
  }
}

export class PromotionCodeTakenError extends DomainError {
  readonly code = 'CODE_TAKEN';
  readonly status = 409;
  constructor(code: string) {
    super(`A promotion with code "${code}" already exists (codes are compared case-insensitively).`);
  }
}

const REASON_MESSAGES: Record<PromotionInvalidReason, string> = {
  unknown: 'There is no promotion with this code.',
  inactive: 'This promotion is no longer active.',
  expired: 'This promotion has ended.',
  not_started: 'This promotion has not started yet.',
  exhausted: 'This promotion has been used as often as it may be.',
  already_used: 'You have already used this promotion as often as you may.',
  min_subtotal_not_met: 'The cart does not reach the minimum subtotal of this promotion.',
  not_applicable: 'This promotion does not apply to anything in the cart.',
};

/**
 * A promotion code that does not apply, with `reason` at the top level of the problem: 422 when
 * a shopper applies it to a cart, 409 at checkout (the cart's code no longer holds, or its usage
 * limit was reached by others first; nothing is reserved).
 */
export class PromotionInvalidError extends DomainError {
  readonly code = 'PROMOTION_INVALID';
  constructor(
    readonly reason: PromotionInvalidReason,
    readonly status: 409 | 422 = 422,
  ) {
    super(REASON_MESSAGES[reason], { reason });
  }
}

import { Injectable } from '@nestjs/common';
import { AfterCommit, Metrics } from '@congocart/shared';
import { PromotionInvalidError } from '../domain/pricing.errors';
import type { PricedOrder } from './order-pricing.service';
import { PromotionUsage } from './promotion-usage.port';

/**
 * Pricing's port for checkout and order cancellation: takes the uses of the promotions an order
 * was priced with (exactly, under any concurrency) and gives them back when the order is
 * cancelled or expires. Runs in the caller's transaction: a refusal rolls the checkout back.
 */
@Injectable()
export class PromotionRedemptions {
  constructor(
    private readonly usage: PromotionUsage,
    private readonly afterCommit: AfterCommit,
    private readonly metrics: Metrics,
  ) {}

  /**
   * Redeems every promotion listed in the order's discounts for `orderRef`. 409 PROMOTION_INVALID
   * when the order's code no longer holds (with its reason), when a usage limit is reached
   * (`exhausted`; `inactive` if it was deactivated meanwhile) or when the customer reached theirs (`already_used`).
   */
  async redeem(priced: PricedOrder, orderRef: string, customerRef: string): Promise<void> {
    if (priced.promotionCodeInvalid) throw new PromotionInvalidError(priced.promotionCodeInvalid, 409);
    // Sorted: the refusal a checkout gets does not depend on the order of its discounts.
    const ids = [...new Set(priced.breakdown.discounts.map((discount) => discount.promotionId))].sort();
    if (!ids.length) return;
    const uses = await this.usage.redeemAll(ids, orderRef, customerRef);
    // The first promotion (in id order) that did not hold names the refusal; the checkout's transaction rolls back the rest.
    for (const use of uses) {
      // Deactivated since the order was priced, or its last use taken by another checkout.
      if (!use.taken) throw new PromotionInvalidError(use.active ? 'exhausted' : 'inactive', 409);
      if (!use.customerTaken) throw new PromotionInvalidError('already_used', 409);
    }
    await this.afterCommit.run(() => ids.forEach((id) => this.metrics.promotionRedemptions.inc({ promotion: id })));
  }

  /** Gives back the order's redemptions; a second call (or an order without any) changes nothing. */
  async release(orderRef: string): Promise<void> {
    await this.usage.releaseRedemptions(orderRef);
  }
}

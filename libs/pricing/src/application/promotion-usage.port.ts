/** What one promotion's redemption found: still active, a use left, a use left for the customer. */
export interface PromotionUseTaken {
  promotionId: string;
  active: boolean;
  taken: boolean;
  customerTaken: boolean;
}

/** The usage counters of promotions; each method is one statement in the ambient transaction. */
export abstract class PromotionUsage {
  /**
   * Redeems the promotions for one order in ONE statement: the promotion rows locked in id order,
   * one more use of each unless that passes its usage limit (or it is inactive), one more use by
   * the customer unless that passes the per-customer limit, and the redemption naming the order.
   * Tells per promotion what held; when any did not, the caller must fail its transaction.
   */
  abstract redeemAll(promotionIds: string[], orderRef: string, customerRef: string): Promise<PromotionUseTaken[]>;
  /** Marks the order's redemptions released and gives back their uses, once; returns the promotions released. */
  abstract releaseRedemptions(orderRef: string): Promise<string[]>;
}

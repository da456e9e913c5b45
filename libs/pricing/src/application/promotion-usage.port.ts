/** The usage counters of promotions; each method is one conditional statement in the ambient transaction. */
export abstract class PromotionUsage {
  /** One more use, unless that passes the usage limit (or the promotion is inactive): false then. */
  abstract takeUse(promotionId: string): Promise<boolean>;
  /** One more use by the customer, unless that passes the promotion's per-customer limit: false then. */
  abstract takeCustomerUse(promotionId: string, customerRef: string): Promise<boolean>;
  /** Names the order the use belongs to. */
  abstract recordRedemption(promotionId: string, orderRef: string, customerRef: string): Promise<void>;
  /** Marks the order's redemptions released and gives back their uses, once; returns the promotions released. */
  abstract releaseRedemptions(orderRef: string): Promise<string[]>;
}

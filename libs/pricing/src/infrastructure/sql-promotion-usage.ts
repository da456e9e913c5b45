import { Injectable } from '@nestjs/common';
import { TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { PromotionUsage, PromotionUseTaken } from '../application/promotion-usage.port';
import { PricingRulesCache } from './pricing-rules.cache';

/**
 * Usage counters as single conditional statements: the row locks they take make a parallel
 * checkout wait, and PostgreSQL re-checks the condition on the row it then sees, so a limit
 * holds exactly however many checkouts race for the last use.
 */
@Injectable()
export class SqlPromotionUsage extends PromotionUsage {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly rules: PricingRulesCache,
  ) {
    super();
  }

  async redeemAll(promotionIds: string[], orderRef: string, customerRef: string): Promise<PromotionUseTaken[]> {
    // `locked` takes the promotion rows in id order (ORDER BY before FOR UPDATE) and sees their latest versions.
    const rows: { promotion_id: string; active: boolean | null; limited: boolean | null; taken: boolean; customer_taken: boolean }[] =
      await this.txHost.tx.query(
        `WITH wanted AS (
         SELECT DISTINCT unnest($1::uuid[]) AS id
       ), locked AS (
         SELECT p.id, p.active, p.usage_limit IS NOT NULL AS limited FROM promotions p JOIN wanted w ON w.id = p.id ORDER BY p.id FOR UPDATE OF p
       ), taken AS (
         UPDATE promotions p SET times_used = p.times_used + 1
         FROM locked l
         WHERE p.id = l.id AND p.active AND (p.usage_limit IS NULL OR p.times_used < p.usage_limit)
         RETURNING p.id
       ), customer_taken AS (
         INSERT INTO promotion_customer_uses AS u (promotion_id, customer_ref, uses)
         SELECT id, $2, 1 FROM taken
         ON CONFLICT (promotion_id, customer_ref) DO UPDATE SET uses = u.uses + 1
           WHERE u.uses < COALESCE((SELECT usage_limit_per_customer FROM promotions p WHERE p.id = u.promotion_id), 2147483647)
         RETURNING promotion_id
       ), redeemed AS (
         INSERT INTO promotion_redemptions (promotion_id, order_ref, customer_ref)
         SELECT promotion_id, $3, $2 FROM customer_taken
       )
       SELECT w.id AS promotion_id, l.active, l.limited, t.id IS NOT NULL AS taken, c.promotion_id IS NOT NULL AS customer_taken
       FROM wanted w
       LEFT JOIN locked l ON l.id = w.id
       LEFT JOIN taken t ON t.id = w.id
       LEFT JOIN customer_taken c ON c.promotion_id = w.id
       ORDER BY w.id`,
        [promotionIds, customerRef, orderRef],
      );
    // A limited promotion's count decides whether it still applies: cached copies must see the new one.
    if (rows.some((row) => row.limited && row.taken)) await this.rules.changed();
    return rows.map((row) => ({
      promotionId: row.promotion_id,
      active: row.active === true,
      taken: row.taken,
      customerTaken: row.customer_taken,
    }));
  }

  async releaseRedemptions(orderRef: string): Promise<string[]> {
    // One statement: only the transaction that marks a redemption released gives its uses back.
    const rows: { promotion_id: string }[] = await this.txHost.tx.query(
      `WITH released AS (
         UPDATE promotion_redemptions SET released_at = now() WHERE order_ref = $1 AND released_at IS NULL
         RETURNING promotion_id, customer_ref
       ), promotion_counts AS (
         UPDATE promotions p SET times_used = p.times_used - 1 FROM released r WHERE p.id = r.promotion_id AND p.times_used > 0 RETURNING p.id
       ), customer_counts AS (
         UPDATE promotion_customer_uses u SET uses = u.uses - 1 FROM released r
         WHERE u.promotion_id = r.promotion_id AND u.customer_ref = r.customer_ref AND u.uses > 0 RETURNING u.promotion_id
       )
       SELECT promotion_id FROM released ORDER BY promotion_id`,
      [orderRef],
    );
    if (rows.length) await this.rules.changed();
    return rows.map((row) => row.promotion_id);
  }
}

import { Injectable } from '@nestjs/common';
import { TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { PromotionUsage } from '../application/promotion-usage.port';

/**
 * Usage counters as single conditional statements: the row lock each takes makes a parallel
 * checkout wait, and PostgreSQL re-checks the condition on the row it then sees, so a limit
 * holds exactly however many checkouts race for the last use.
 */
@Injectable()
export class SqlPromotionUsage extends PromotionUsage {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async takeUse(promotionId: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.txHost.tx.query(
      `UPDATE promotions SET times_used = times_used + 1
       WHERE id = $1 AND active AND (usage_limit IS NULL OR times_used < usage_limit) RETURNING id`,
      [promotionId],
    );
    return rows.length === 1;
  }

  async takeCustomerUse(promotionId: string, customerRef: string): Promise<boolean> {
    const rows: unknown[] = await this.txHost.tx.query(
      `INSERT INTO promotion_customer_uses AS u (promotion_id, customer_ref, uses) VALUES ($1, $2, 1)
       ON CONFLICT (promotion_id, customer_ref) DO UPDATE SET uses = u.uses + 1
         WHERE u.uses < COALESCE((SELECT usage_limit_per_customer FROM promotions p WHERE p.id = u.promotion_id), 2147483647)
       RETURNING uses`,
      [promotionId, customerRef],
    );
    return rows.length === 1;
  }

  async recordRedemption(promotionId: string, orderRef: string, customerRef: string): Promise<void> {
    await this.txHost.tx.query(`INSERT INTO promotion_redemptions (promotion_id, order_ref, customer_ref) VALUES ($1, $2, $3)`, [
      promotionId,
      orderRef,
      customerRef,
    ]);
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
    return rows.map((row) => row.promotion_id);
  }
}

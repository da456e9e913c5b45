import { Injectable } from '@nestjs/common';
import type { LineToPrice } from '../domain/price-breakdown';
import type { PromotionToApply } from '../domain/pricing-context';
import { PromotionInvalidError } from '../domain/pricing.errors';
import { Promotion, PromotionInvalidReason, promotionIssue, promotionToApply } from '../domain/promotion';
import type { VariantQuote } from '../domain/variant-quote';
import { PromotionRepository } from './promotion.repository';

/** An order as promotions see it: its lines, their quotes, the code applied and who buys. */
export interface PromotionCandidateOrder {
  lines: LineToPrice[];
  quotes: ReadonlyMap<string, VariantQuote>;
  promotionCode?: string | null;
  /** A user id (a guest: their e-mail); null: per-customer limits cannot be checked yet. */
  customer?: string | null;
}

export interface ResolvedPromotions {
  promotions: PromotionToApply[];
  /** Why the order's code does not apply; null: it applies, or there is none. */
  codeIssue: PromotionInvalidReason | null;
}

/** Decides which promotions hold for an order now: every applicable automatic one, and its code. */
@Injectable()
export class ApplicablePromotions {
  constructor(private readonly promotions: PromotionRepository) {}

  async resolve(order: PromotionCandidateOrder, now: Date = new Date()): Promise<ResolvedPromotions> {
    const [automatic, coded] = await Promise.all([
      this.promotions.findAutomatic(),
      order.promotionCode ? this.promotions.findByCode(order.promotionCode) : Promise.resolve(null),
    ]);
    const candidates = coded ? [...automatic, coded] : automatic;
    const issueOf = await this.judge(order, candidates, now);
    const holding = automatic.filter((promotion) => issueOf(promotion) === null);
    let codeIssue: PromotionInvalidReason | null = null;
    if (order.promotionCode) {
      codeIssue = coded ? issueOf(coded) : 'unknown';
      if (coded && !codeIssue) holding.push(coded);
    }
    const quotes = quotesOf(order);
    return { promotions: holding.map((promotion) => promotionToApply(promotion, quotes)), codeIssue };
  }

  /** The promotion a code names if it applies to the order now; PROMOTION_INVALID (422) with the reason otherwise. */
  async checkCode(order: PromotionCandidateOrder, code: string, now: Date = new Date()): Promise<Promotion> {
    const promotion = await this.promotions.findByCode(code);
    if (!promotion) throw new PromotionInvalidError('unknown');
    const issue = (await this.judge(order, [promotion], now))(promotion);
    if (issue) throw new PromotionInvalidError(issue);
    return promotion;
  }

  private async judge(
    order: PromotionCandidateOrder,
    candidates: Promotion[],
    now: Date,
  ): Promise<(promotion: Promotion) => PromotionInvalidReason | null> {
    const quotes = quotesOf(order);
    const subtotal = order.lines.reduce((sum, line) => sum + (order.quotes.get(line.variantId)?.unitPrice.amount ?? 0) * line.quantity, 0);
    const limited = candidates.filter((promotion) => promotion.usageLimitPerCustomer !== null).map((promotion) => promotion.id);
    const uses = order.customer && limited.length ? await this.promotions.customerUses(limited, order.customer) : new Map<string, number>();
    return (promotion) => promotionIssue(promotion, { now, subtotal, quotes, customerUses: uses.get(promotion.id) ?? 0 });
  }
}

function quotesOf(order: PromotionCandidateOrder): VariantQuote[] {
  return order.lines.map((line) => order.quotes.get(line.variantId)).filter((quote): quote is VariantQuote => quote !== undefined);
}

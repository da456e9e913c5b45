import type { Promotion } from '../domain/promotion';
import type { PromotionFields } from '../domain/promotion-input';

/** Where a page of promotions (newest first) continues. */
export interface PromotionCursor {
  createdAt: string;
  id: string;
}

/** Storage of promotions; every method joins the ambient transaction. */
export abstract class PromotionRepository {
  /** Newest first. */
  abstract list(limit: number, after: PromotionCursor | null): Promise<Promotion[]>;
  abstract findById(id: string, options?: { lock?: boolean }): Promise<Promotion | null>;
  /** By code, case-insensitively. */
  abstract findByCode(code: string): Promise<Promotion | null>;
  /** Active automatic promotions (no code), whatever their dates and limits. */
  abstract findAutomatic(): Promise<Promotion[]>;
  /** Throws PromotionCodeTakenError on a code in use. */
  abstract insert(fields: PromotionFields): Promise<Promotion>;
  /** Replaces every field but the counter; throws PromotionCodeTakenError on a code in use. */
  abstract update(id: string, fields: PromotionFields): Promise<Promotion>;
  abstract deactivate(id: string): Promise<boolean>;
  /** How often `customerRef` has used each of the promotions (absent: never). */
  abstract customerUses(promotionIds: string[], customerRef: string): Promise<Map<string, number>>;
}

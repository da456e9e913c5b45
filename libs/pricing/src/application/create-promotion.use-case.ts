import { Injectable } from '@nestjs/common';
import { PlatformConfig, Transactional } from '@congocart/shared';
import type { Promotion } from '../domain/promotion';
import { PromotionInput, promotionFields } from '../domain/promotion-input';
import { PromotionRepository } from './promotion.repository';

/** Adds a promotion; its code (if any) must be new regardless of case (409 CODE_TAKEN). */
@Injectable()
export class CreatePromotion {
  constructor(
    private readonly promotions: PromotionRepository,
    private readonly platform: PlatformConfig,
  ) {}

  @Transactional()
  execute(input: PromotionInput & { name: string; kind: Promotion['kind'] }): Promise<Promotion> {
    return this.promotions.insert(promotionFields(input, null, this.platform.currency));
  }
}

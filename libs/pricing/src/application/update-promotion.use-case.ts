import { Injectable } from '@nestjs/common';
import { NotFoundError, PlatformConfig, Transactional } from '@congocart/shared';
import type { Promotion } from '../domain/promotion';
import { PromotionInput, promotionFields } from '../domain/promotion-input';
import { PromotionRepository } from './promotion.repository';

/**
 * Partial change, checked against the promotion as a whole (value fits kind, startsAt before
 * endsAt). Orders already placed keep the discounts they were given; the usage counter is not
 * an admin's to set.
 */
@Injectable()
export class UpdatePromotion {
  constructor(
    private readonly promotions: PromotionRepository,
    private readonly platform: PlatformConfig,
  ) {}

  @Transactional()
  async execute(id: string, input: PromotionInput): Promise<Promotion> {
    const current = await this.promotions.findById(id, { lock: true });
    if (!current) throw new NotFoundError('Promotion');
    return this.promotions.update(id, promotionFields(input, current, this.platform.currency));
  }
}

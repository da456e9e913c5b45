import { Injectable } from '@nestjs/common';
import { NotFoundError, Transactional } from '@congocart/shared';
import { PromotionRepository } from './promotion.repository';

/** DELETE deactivates: orders keep naming the promotion, and an admin can bring it back. */
@Injectable()
export class DeactivatePromotion {
  constructor(private readonly promotions: PromotionRepository) {}

  @Transactional()
  async execute(id: string): Promise<void> {
    if (!(await this.promotions.deactivate(id))) throw new NotFoundError('Promotion');
  }
}

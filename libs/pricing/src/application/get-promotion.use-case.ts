import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@congocart/shared';
import type { Promotion } from '../domain/promotion';
import { PromotionRepository } from './promotion.repository';

@Injectable()
export class GetPromotion {
  constructor(private readonly promotions: PromotionRepository) {}

  async execute(id: string): Promise<Promotion> {
    const promotion = await this.promotions.findById(id);
    if (!promotion) throw new NotFoundError('Promotion');
    return promotion;
  }
}

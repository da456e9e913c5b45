import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@congocart/shared';
import type { StockLevel } from '../domain/stock-level';
import { StockLevelRepository } from './stock-level.repository';

@Injectable()
export class GetStockLevel {
  constructor(private readonly levels: StockLevelRepository) {}

  async execute(variantId: string): Promise<StockLevel> {
    const level = await this.levels.find(variantId);
    if (!level) throw new NotFoundError('Variant');
    return level;
  }
}

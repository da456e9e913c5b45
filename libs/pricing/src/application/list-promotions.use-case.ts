import { Injectable } from '@nestjs/common';
import { decodeCursor, DEFAULT_PAGE_LIMIT, encodeCursor, Page, toPage } from '@congocart/shared';
import type { Promotion } from '../domain/promotion';
import { PromotionRepository } from './promotion.repository';

const SCOPE = { list: 'promotions' };

/** Every promotion, active or not, newest first. */
@Injectable()
export class ListPromotions {
  constructor(private readonly promotions: PromotionRepository) {}

  async execute(query: { limit?: number; cursor?: string }): Promise<Page<Promotion>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor, SCOPE, 2).map(String) : null;
    const rows = await this.promotions.list(limit + 1, after ? { createdAt: after[0], id: after[1] } : null);
    return toPage(
      rows,
      limit,
      (row) => row,
      (row) => encodeCursor([row.createdAt.toISOString(), row.id], SCOPE),
    );
  }
}

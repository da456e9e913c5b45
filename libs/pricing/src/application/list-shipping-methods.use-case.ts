import { Injectable } from '@nestjs/common';
import { decodeCursor, DEFAULT_PAGE_LIMIT, encodeCursor, Page, toPage } from '@congocart/shared';
import type { ShippingMethod } from '../domain/shipping-method';
import { ShippingMethodRepository } from './shipping-method.repository';

const SCOPE = { list: 'shipping-methods' };

/** Every shipping method, active or not, by code. */
@Injectable()
export class ListShippingMethods {
  constructor(private readonly methods: ShippingMethodRepository) {}

  async execute(query: { limit?: number; cursor?: string }): Promise<Page<ShippingMethod>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = query.cursor ? String(decodeCursor(query.cursor, SCOPE, 1)[0]) : null;
    const rows = await this.methods.list(limit + 1, after);
    return toPage(
      rows,
      limit,
      (row) => row,
      (row) => encodeCursor([row.code], SCOPE),
    );
  }
}

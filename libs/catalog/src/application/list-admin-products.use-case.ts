import { Injectable } from '@nestjs/common';
import { decodeCursor, DEFAULT_PAGE_LIMIT, encodeCursor, Page, toPage } from '@congocart/shared';
import type { ProductStatus } from '../domain/product-status';
import { AdminProductSummaryView, toAdminProductSummaryView } from './catalog-views';
import { ProductListing } from './product-listing.port';

export interface ListAdminProductsQuery {
  status?: ProductStatus;
  limit?: number;
  cursor?: string;
}

/** Every product whatever its status, newest first (never cached: admins edit what they see). */
@Injectable()
export class ListAdminProducts {
  constructor(private readonly listing: ProductListing) {}

  async execute(query: ListAdminProductsQuery): Promise<Page<AdminProductSummaryView>> {
    const status = query.status ?? null;
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const scope = { list: 'admin-products', status };
    const after = query.cursor ? decodeCursor(query.cursor, scope, 2) : null;
    const rows = await this.listing.listForAdmins(status, after, limit + 1);
    return toPage(
      rows,
      limit,
      (row) => toAdminProductSummaryView(row.summary),
      (row) => encodeCursor(row.cursorKey, scope),
    );
  }
}

import { Injectable } from '@nestjs/common';
import { decodeCursor, DEFAULT_PAGE_LIMIT, encodeCursor, Page, toPage, ValidationFailedError } from '@congocart/shared';
import { searchWords } from '../domain/search-words';
import { CatalogCache } from './catalog-cache.port';
import { ProductSummaryView, toProductSummaryView } from './catalog-views';
import { ProductListing, ProductSort, ShopperProductFilter } from './product-listing.port';

export interface ListProductsQuery {
  q?: string;
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  sort?: ProductSort;
  limit?: number;
  cursor?: string;
}

/** The shoppers' product listing: filtered, sorted, keyset-paged, briefly cached. */
@Injectable()
export class ListProducts {
  constructor(
    private readonly listing: ProductListing,
    private readonly cache: CatalogCache,
  ) {}

  /** The page, serialised once when loaded (a Page<ProductSummaryView>): cached and sent as these bytes. */
  async execute(query: ListProductsQuery): Promise<{ json: string }> {
    if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
      throw new ValidationFailedError([{ field: 'maxPrice', message: 'maxPrice must not be below minPrice' }]);
    }
    const filter: ShopperProductFilter = {
      words: searchWords(query.q),
      category: query.category?.trim() || null,
      minPrice: query.minPrice ?? null,
      maxPrice: query.maxPrice ?? null,
      inStock: query.inStock === true,
    };
    const sort = query.sort ?? '-createdAt';
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const scope = { list: 'products', ...filter, sort };
    const after = query.cursor ? decodeCursor(query.cursor, scope, 2) : null;
    return this.cache.getOrLoad('listings', `products:${JSON.stringify([scope, after, limit])}`, async () => {
      const rows = await this.listing.listForShoppers(filter, sort, after, limit + 1);
      const page: Page<ProductSummaryView> = toPage(
        rows,
        limit,
        (row) => toProductSummaryView(row.summary),
        (row) => encodeCursor(row.cursorKey, scope),
      );
      return { json: JSON.stringify(page) };
    });
  }
}

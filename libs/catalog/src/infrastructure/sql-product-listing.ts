import { Injectable } from '@nestjs/common';
import { CursorKey, PlatformConfig, prepared, runPrepared, TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { INVENTORY_AVAILABILITY_VIEW } from '@congocart/inventory';
import type { Product, Variant } from '../domain/product';
import type { ProductStatus } from '../domain/product-status';
import { ListedProduct, ProductListing, ProductSort, ShopperProductFilter } from '../application/product-listing.port';
import { activeProductQuery, productQuery, shopperListingQuery, SqlQuery, SUMMARY_COLUMNS } from './catalog-read.sql';
import { ProductRow, SummaryRow, toProduct, toSummary, toVariant, VariantRow } from './listing-rows';

/** The catalog's read side: one SQL statement per call, whatever the page size (see catalog-read.sql). */
@Injectable()
export class SqlProductListing extends ProductListing {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly config: PlatformConfig,
  ) {
    super();
  }

  async listForShoppers(
    filter: ShopperProductFilter,
    sort: ProductSort,
    after: CursorKey[] | null,
    limit: number,
  ): Promise<ListedProduct[]> {
    const { text, params } = shopperListingQuery(filter, sort, after, limit);
    // Prepared, one statement per combination of filters (a bounded set), except a search: how
    // selective its words are decides its best plan, which a generic plan would not follow.
    const rows: SummaryRow[] = filter.words.length
      ? await this.txHost.tx.query(text, params)
      : await runPrepared(this.txHost.tx, prepared(text), params);
    return rows.map((row) => ({ summary: toSummary(row, this.config.currency), cursorKey: [sortValue(sort, row), row.id] }));
  }

  async listForAdmins(status: ProductStatus | null, after: CursorKey[] | null, limit: number): Promise<ListedProduct[]> {
    const params: unknown[] = [status, limit];
    let keyset = '';
    if (after) {
      params.push(after[0], after[1]);
      keyset = `AND (p.created_at, p.id) < ($3::timestamptz, $4::uuid)`;
    }
    const rows: SummaryRow[] = await this.txHost.tx.query(
      `SELECT ${SUMMARY_COLUMNS} FROM products p
       WHERE ($1::text IS NULL OR p.status = $1) ${keyset}
       ORDER BY p.created_at DESC, p.id DESC
       LIMIT $2`,
      params,
    );
    return rows.map((row) => ({ summary: toSummary(row, this.config.currency), cursorKey: [row.created_key, row.id] }));
  }

  findActive(idOrSlug: string): Promise<Product | null> {
    return this.findOne(activeProductQuery(idOrSlug));
  }

  findById(id: string): Promise<Product | null> {
    return this.findOne(productQuery('p.id = $1', id));
  }

  async findVariant(id: string): Promise<Variant | null> {
    const rows: VariantRow[] = await this.txHost.tx.query(
      `SELECT v.id, v.product_id, v.sku, v.name, v.options, v.price_amount, v.price_currency, v.tax_category, coalesce(a.available, 0) AS available
       FROM product_variants v LEFT JOIN ${INVENTORY_AVAILABILITY_VIEW} a ON a.variant_id = v.id
       WHERE v.id = $1`,
      [id],
    );
    return rows[0] ? toVariant(rows[0]) : null;
  }

  private async findOne({ text, params }: SqlQuery): Promise<Product | null> {
    const rows: ProductRow[] = await runPrepared(this.txHost.tx, prepared(text), params);
    return rows[0] ? toProduct(rows[0]) : null;
  }
}

function sortValue(sort: ProductSort, row: SummaryRow): CursorKey {
  if (sort === 'name') return row.name;
  if (sort === 'price' || sort === '-price') return String(row.price_min);
  return row.created_key;
}

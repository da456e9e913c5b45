import { Injectable } from '@nestjs/common';
import type { VariantQuote } from '@congocart/pricing';
import { isUuid, prepared, runPrepared, TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { VariantCatalog } from '../application/variant-catalog.port';

interface CatalogVariantRow {
  id: string;
  product_id: string;
  product_name: string;
  sku: string;
  name: string;
  options: Record<string, string>;
  price_amount: string;
  price_currency: string;
  status: string;
  tax_category: string;
  category_ids: string[];
}

// The category chain is at most 8 deep (CATEGORY_TOO_DEEP), walked once per distinct category.
const FIND_VARIANTS = prepared(
  `WITH RECURSIVE wanted AS (
     SELECT v.id, v.product_id, p.name AS product_name, v.sku, v.name, v.options, v.price_amount, v.price_currency, v.tax_category,
            p.status, p.category_id
     FROM product_variants v JOIN products p ON p.id = v.product_id
     WHERE v.id = ANY($1::uuid[])
   ),
   chain (leaf_id, id, parent_id, depth) AS (
     SELECT c.id, c.id, c.parent_id, 0 FROM categories c WHERE c.id IN (SELECT category_id FROM wanted)
     UNION ALL
     SELECT chain.leaf_id, c.id, c.parent_id, chain.depth + 1 FROM chain JOIN categories c ON c.id = chain.parent_id WHERE chain.depth < 16
   )
   SELECT w.*, COALESCE((SELECT array_agg(chain.id::text ORDER BY chain.depth) FROM chain WHERE chain.leaf_id = w.category_id), '{}') AS category_ids
   FROM wanted w`,
);

/** VariantCatalog for cart and checkout: one query for any number of ids, in the caller's transaction. */
@Injectable()
export class SqlVariantCatalog extends VariantCatalog {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async findVariants(variantIds: string[]): Promise<Map<string, VariantQuote>> {
    const ids = [...new Set(variantIds)].filter(isUuid);
    if (!ids.length) return new Map();
    const rows = await runPrepared<CatalogVariantRow[]>(this.txHost.tx, FIND_VARIANTS, [ids]);
    return new Map(
      rows.map((row) => [
        row.id,
        {
          variantId: row.id,
          productId: row.product_id,
          productName: row.product_name,
          sku: row.sku,
          name: row.name,
          options: row.options,
          unitPrice: { amount: Number(row.price_amount), currency: row.price_currency },
          purchasable: row.status === 'active',
          taxCategory: row.tax_category,
          categoryIds: row.category_ids,
        },
      ]),
    );
  }
}

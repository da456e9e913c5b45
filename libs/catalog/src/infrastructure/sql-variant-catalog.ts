import { Injectable } from '@nestjs/common';
import type { VariantQuote } from '@congocart/pricing';
import { isUuid, TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
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
}

/** VariantCatalog for cart and checkout: one query for any number of ids, in the caller's transaction. */
@Injectable()
export class SqlVariantCatalog extends VariantCatalog {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async findVariants(variantIds: string[]): Promise<Map<string, VariantQuote>> {
    const ids = [...new Set(variantIds)].filter(isUuid);
    if (!ids.length) return new Map();
    const rows: CatalogVariantRow[] = await this.txHost.tx.query(
      `SELECT v.id, v.product_id, p.name AS product_name, v.sku, v.name, v.options, v.price_amount, v.price_currency, v.tax_category, p.status
       FROM product_variants v JOIN products p ON p.id = v.product_id
       WHERE v.id = ANY($1::uuid[])`,
      [ids],
    );
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
        },
      ]),
    );
  }
}

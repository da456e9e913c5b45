import { Injectable } from '@nestjs/common';
import { TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { SkuTakenError, SlugTakenError, UnknownCategoryError } from '../domain/catalog.errors';
import {
  ConditionalUpdate,
  NewProduct,
  NewVariant,
  ProductChanges,
  ProductRepository,
  VariantChanges,
} from '../application/product-repository.port';
import { translatingConstraints } from './constraint-errors';
import { highestSuffixSql, insertWithSlug } from './slug-allocation';

const PRODUCT_COLUMNS: Record<keyof ProductChanges, { column: string; cast?: string; json?: boolean }> = {
  name: { column: 'name' },
  slug: { column: 'slug' },
  description: { column: 'description' },
  status: { column: 'status' },
  categoryId: { column: 'category_id', cast: 'uuid' },
  images: { column: 'images', cast: 'jsonb', json: true },
  attributes: { column: 'attributes', cast: 'jsonb', json: true },
};

const VARIANT_COLUMNS: Record<Exclude<keyof VariantChanges, 'price'>, { column: string; cast?: string; json?: boolean }> = {
  sku: { column: 'sku' },
  name: { column: 'name' },
  options: { column: 'options', cast: 'jsonb', json: true },
  taxCategory: { column: 'tax_category' },
};

@Injectable()
export class TypeOrmProductRepository extends ProductRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  private get tx() {
    return this.txHost.tx;
  }

  insert(product: NewProduct): Promise<string> {
    return insertWithSlug(
      product.slug,
      async (slug) => {
        const rows: { id: string }[] = await translatingConstraints(
          this.tx.query(
            `INSERT INTO products (slug, name, description, status, category_id, images, attributes)
             VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)
             ON CONFLICT ON CONSTRAINT products_slug_key DO NOTHING
             RETURNING id`,
            [
              slug,
              product.name,
              product.description,
              product.status,
              product.categoryId,
              JSON.stringify(product.images),
              JSON.stringify(product.attributes),
            ],
          ),
          { products_category_id_fkey: () => new UnknownCategoryError('categoryId') },
        );
        return rows[0]?.id ?? null;
      },
      async (base) => Number(((await this.tx.query(highestSuffixSql('products'), [base])) as { highest: unknown }[])[0].highest),
      (slug) => new SlugTakenError(slug),
    );
  }

  async update(id: string, changes: ProductChanges, expectedVersions: number[] | null): Promise<ConditionalUpdate> {
    const params: unknown[] = [id, expectedVersions];
    const assignments = Object.entries(changes).map(([key, value]) => {
      const { column, cast, json } = PRODUCT_COLUMNS[key as keyof ProductChanges];
      params.push(json ? JSON.stringify(value) : value);
      return `${column} = $${params.length}${cast ? `::${cast}` : ''}`;
    });
    const versionMatches = `($2::int[] IS NULL OR version = ANY($2::int[]))`;
    // An empty PATCH changes nothing, so it keeps the version; it still honours If-Match.
    const sql = assignments.length
      ? `UPDATE products SET ${assignments.join(', ')}, version = version + 1, updated_at = now()
         WHERE id = $1 AND ${versionMatches} RETURNING id`
      : `SELECT id FROM products WHERE id = $1 AND ${versionMatches}`;
    const result: unknown[] = await translatingConstraints(this.tx.query(sql, params), {
      products_slug_key: () => new SlugTakenError(String(changes.slug)),
      products_category_id_fkey: () => new UnknownCategoryError('categoryId'),
    });
    // TypeORM answers an UPDATE with [rows, rowCount], a SELECT with its rows.
    const rows = assignments.length ? (result as [unknown[], number])[0] : result;
    if (rows.length) return 'updated';
    return (await this.exists(id)) ? 'stale' : 'missing';
  }

  async exists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.query(`SELECT 1 FROM products WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  async insertVariants(productId: string, variants: NewVariant[]): Promise<string[]> {
    const rows: { id: string; sku: string }[] = await translatingConstraints(
      this.tx.query(
        `INSERT INTO product_variants (product_id, sku, name, options, price_amount, price_currency, tax_category)
         SELECT $1, v.sku, v.name, v.options, v.amount, v.currency, v.tax_category
         FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::bigint[], $6::text[], $7::text[])
           AS v (sku, name, options, amount, currency, tax_category)
         RETURNING id, sku`,
        [
          productId,
          variants.map((variant) => variant.sku),
          variants.map((variant) => variant.name),
          variants.map((variant) => JSON.stringify(variant.options)),
          variants.map((variant) => variant.price.amount),
          variants.map((variant) => variant.price.currency),
          variants.map((variant) => variant.taxCategory),
        ],
      ),
      { product_variants_sku_key: () => new SkuTakenError() },
    );
    const idBySku = new Map(rows.map((row) => [row.sku, row.id]));
    return variants.map((variant) => idBySku.get(variant.sku) as string);
  }

  async updateVariant(id: string, changes: VariantChanges): Promise<string | null> {
    const params: unknown[] = [id];
    const assignments: string[] = [];
    for (const [key, value] of Object.entries(changes)) {
      if (key === 'price') continue;
      const { column, cast, json } = VARIANT_COLUMNS[key as keyof typeof VARIANT_COLUMNS];
      params.push(json ? JSON.stringify(value) : value);
      assignments.push(`${column} = $${params.length}${cast ? `::${cast}` : ''}`);
    }
    if (changes.price) {
      params.push(changes.price.amount, changes.price.currency);
      assignments.push(`price_amount = $${params.length - 1}, price_currency = $${params.length}`);
    }
    const [rows]: [{ product_id: string }[], number] = await translatingConstraints(
      this.tx.query(
        `UPDATE product_variants SET ${[...assignments, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING product_id`,
        params,
      ),
      { product_variants_sku_key: () => new SkuTakenError() },
    );
    return rows[0]?.product_id ?? null;
  }

  async refreshPriceRange(productId: string, options: { bumpVersion: boolean }): Promise<void> {
    // Lock first, then read the variants in a new statement: under READ COMMITTED the second
    // statement's snapshot then includes every variant change committed by whoever held the lock.
    await this.tx.query(`SELECT 1 FROM products WHERE id = $1 FOR UPDATE`, [productId]);
    await this.tx.query(
      `UPDATE products p
       SET price_min = range.min, price_max = range.max,
           version = p.version + $2::int, updated_at = CASE WHEN $2::int > 0 THEN now() ELSE p.updated_at END
       FROM (SELECT min(price_amount) AS min, max(price_amount) AS max FROM product_variants WHERE product_id = $1) AS range
       WHERE p.id = $1`,
      [productId, options.bumpVersion ? 1 : 0],
    );
  }
}

import type { CursorKey } from '@congocart/shared';
import { INVENTORY_AVAILABILITY_VIEW } from '@congocart/inventory';
import type { ProductSort, ShopperProductFilter } from '../application/product-listing.port';
import { isUuid } from '@congocart/shared';

/*
 * The catalog's read SQL, as pure builders (the bench's bare baseline runs the very same text).
 * Every read is one statement: price range, availability and variant count are computed inline.
 */

/** Keyset order per sort: the sort column, then id as the unique tiebreaker (same direction). */
const ORDERINGS: Record<ProductSort, { key: string; direction: 'ASC' | 'DESC'; keyType: string }> = {
  '-createdAt': { key: 'p.created_at', direction: 'DESC', keyType: 'timestamptz' },
  price: { key: 'p.price_min', direction: 'ASC', keyType: 'bigint' },
  '-price': { key: 'p.price_min', direction: 'DESC', keyType: 'bigint' },
  name: { key: 'p.name', direction: 'ASC', keyType: 'text' },
};

/**
 * Whether some variant of the product has units available (inventory's read model). A scalar
 * aggregate rather than EXISTS: the planner may turn an EXISTS into a hash of every variant in the
 * catalog, while this runs only for the rows an ORDER BY ... LIMIT walk reaches.
 */
const IN_STOCK = `coalesce((
  SELECT bool_or(sa.available > 0)
  FROM product_variants sv JOIN ${INVENTORY_AVAILABILITY_VIEW} sa ON sa.variant_id = sv.id
  WHERE sv.product_id = p.id), false)`;

/**
 * Summary columns, with the created_at cursor key kept to the microsecond (a JS Date would round
 * it). The subquery sits in the select list, so PostgreSQL evaluates it after ORDER BY and
 * LIMIT: only for the rows of the page; it counts the variants and those in stock in one pass.
 */
export const SUMMARY_COLUMNS = `p.id, p.slug, p.name, p.status, p.category_id, p.price_min, p.price_max, p.version, p.created_at, p.updated_at,
  to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key,
  (SELECT ARRAY[count(*), count(*) FILTER (WHERE sa.available > 0)]::int[]
   FROM product_variants sv LEFT JOIN ${INVENTORY_AVAILABILITY_VIEW} sa ON sa.variant_id = sv.id
   WHERE sv.product_id = p.id) AS variant_stock`;

const PRODUCT_COLUMNS = `p.id, p.slug, p.name, p.description, p.status, p.category_id, p.images, p.attributes, p.version, p.created_at, p.updated_at,
  coalesce((
    SELECT json_agg(json_build_object(
      'id', v.id, 'product_id', v.product_id, 'sku', v.sku, 'name', v.name, 'options', v.options,
      'price_amount', v.price_amount, 'price_currency', v.price_currency, 'tax_category', v.tax_category, 'available', coalesce(a.available, 0)
    ) ORDER BY v.created_at, v.sku)
    FROM product_variants v LEFT JOIN ${INVENTORY_AVAILABILITY_VIEW} a ON a.variant_id = v.id
    WHERE v.product_id = p.id), '[]') AS variants`;

export interface SqlQuery {
  text: string;
  params: unknown[];
}

/** Shoppers' listing: active products with variants, filtered, in keyset order after `after`, `limit` rows. */
export function shopperListingQuery(filter: ShopperProductFilter, sort: ProductSort, after: CursorKey[] | null, limit: number): SqlQuery {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = [`p.status = 'active'`, `p.price_min IS NOT NULL`];
  let categoryScope = '';
  if (filter.category) {
    const value = param(filter.category);
    const roots = isUuid(filter.category) ? `id = ${value}::text::uuid OR slug = ${value}::text` : `slug = ${value}::text`;
    categoryScope = `WITH RECURSIVE scope_categories AS (
          SELECT id FROM categories WHERE ${roots}
          UNION
          SELECT c.id FROM categories c JOIN scope_categories s ON c.parent_id = s.id
        ) `;
    conditions.push(`p.category_id IN (SELECT id FROM scope_categories)`);
  }
  if (filter.words.length) {
    // Each word is letters/digits only (see searchWords), so quoting it as a prefix lexeme is safe.
    const query = param(filter.words.map((word) => `'${word}':*`).join(' & '));
    conditions.push(`p.search_vector @@ (to_tsquery('simple', ${query}) || to_tsquery('english', ${query}))`);
  }
  if (filter.minPrice !== null) conditions.push(`p.price_max >= ${param(filter.minPrice)}`);
  if (filter.maxPrice !== null) conditions.push(`p.price_min <= ${param(filter.maxPrice)}`);
  if (filter.minPrice !== null && filter.maxPrice !== null) {
    // Both bounds: the range must hold one variant's price, not merely overlap [min, max].
    conditions.push(
      `EXISTS (SELECT 1 FROM product_variants pv WHERE pv.product_id = p.id AND pv.price_amount BETWEEN ${param(filter.minPrice)} AND ${param(filter.maxPrice)})`,
    );
  }
  if (filter.inStock) conditions.push(IN_STOCK);
  const { key, direction, keyType } = ORDERINGS[sort];
  if (after) {
    conditions.push(`(${key}, p.id) ${direction === 'ASC' ? '>' : '<'} (${param(after[0])}::${keyType}, ${param(after[1])}::uuid)`);
  }
  return {
    text: `${categoryScope}SELECT ${SUMMARY_COLUMNS} FROM products p
       WHERE ${conditions.join(' AND ')}
       ORDER BY ${key} ${direction}, p.id ${direction}
       LIMIT ${param(limit)}`,
    params,
  };
}

/** One product with its variants (as JSON) and their availability. */
export function productQuery(condition: string, value: string): SqlQuery {
  return { text: `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE ${condition}`, params: [value] };
}

/** By id or slug, active only: what a shopper may see. */
export function activeProductQuery(idOrSlug: string): SqlQuery {
  const match = isUuid(idOrSlug) ? `(p.id = $1::text::uuid OR p.slug = $1::text)` : `p.slug = $1::text`;
  return productQuery(`${match} AND p.status = 'active'`, idOrSlug);
}

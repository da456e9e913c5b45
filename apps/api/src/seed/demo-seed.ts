import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccountProvisioning, Role } from '@congocart/identity';
import { PlatformConfig } from '@congocart/shared';
import { DEMO_ADJECTIVES, DEMO_BRANDS, DEMO_CATEGORIES, DemoCategory } from './demo-catalog.data';

export interface DemoSeedOptions {
  products: number;
  /** The demo accounts have published passwords: never created in production. */
  accounts: boolean;
  log: (line: string) => void;
}

export const DEMO_ACCOUNTS: { email: string; password: string; name: string; role: Role }[] = [
  { email: 'admin@congocart.dev', password: 'congocart-admin', name: 'Demo Admin', role: 'admin' },
  { email: 'staff@congocart.dev', password: 'congocart-staff', name: 'Demo Staff', role: 'staff' },
  { email: 'customer@congocart.dev', password: 'congocart-customer', name: 'Demo Customer', role: 'customer' },
];

interface Template {
  category_id: string;
  noun: string;
  base_price: number;
  option_name: string;
  option_values: string[];
}

/**
 * Loads a demo catalog (nested categories, products with 1–4 variants, stock levels whose
 * movement ledger sums to onHand) and demo accounts, only when the catalog is empty.
 *
 * A composition-root tool: it writes catalog and inventory tables with set-based SQL
 * (generate_series, jsonb_array_elements) in one transaction, so 100 000 products take seconds
 * rather than the minutes the per-row public APIs would; accounts go through identity's
 * AccountProvisioning.
 */
export async function seedDemoData(app: INestApplicationContext, options: DemoSeedOptions): Promise<void> {
  const dataSource = app.get(DataSource);
  const currency = app.get(PlatformConfig).currency;
  const started = Date.now();
  const seeded = await dataSource.transaction(async (manager) => {
    // Two processes starting on one fresh database must not both seed.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('congocart.demo-seed'))`);
    const [{ empty }] = (await manager.query(`SELECT NOT EXISTS (SELECT 1 FROM products) AS empty`)) as { empty: boolean }[];
    if (!empty) return false;
    const templates = await insertCategories(manager);
    await insertProducts(manager, templates, options.products, currency);
    await insertStock(manager);
    await insertShippingAndTax(manager);
    await insertPromotions(manager);
    return true;
  });
  if (!seeded) {
    options.log('Demo seed skipped: the catalog already has products.');
    return;
  }
  // Fresh statistics, so the first listings are planned for the data that is there now.
  await dataSource.query(`ANALYZE categories, products, product_variants, stock_levels, stock_movements`);
  const [counts] = (await dataSource.query(
    `SELECT (SELECT count(*) FROM categories)::int AS categories, (SELECT count(*) FROM products)::int AS products,
            (SELECT count(*) FROM product_variants)::int AS variants`,
  )) as { categories: number; products: number; variants: number }[];
  options.log(
    `Demo catalog: ${counts.categories} categories, ${counts.products} products, ${counts.variants} variants with stock (${Date.now() - started} ms).`,
  );
  const provisioning = app.get(AccountProvisioning);
  if (!options.accounts) return;
  for (const account of DEMO_ACCOUNTS) await provisioning.ensureAccount(account);
  options.log(`Demo accounts: ${DEMO_ACCOUNTS.map((account) => `${account.role} ${account.email} / ${account.password}`).join(', ')}`);
}

/**
 * A realistic shipping and tax set-up beside the migration's `standard` method: express
 * everywhere, a saver free over 50.00 in East Africa, next day in the UK only; VAT in Kenya
 * (16 %, reduced 8 %) and the UK (20 %, books zero-rated as `reduced`), US sales tax by state.
 * Books carry the `reduced` category.
 */
async function insertShippingAndTax(manager: EntityManager): Promise<void> {
  await manager.query(
    `INSERT INTO shipping_methods (code, name, description, price_amount, free_over_amount, countries, delivery_days_min, delivery_days_max)
     VALUES ('express', 'Express', 'Tracked, 1–3 working days', 1499, NULL, '{}', 1, 3),
            ('east-africa-saver', 'East Africa saver', 'Free over 50.00', 299, 5000, '{KE,UG,TZ,RW}', 3, 7),
            ('uk-next-day', 'UK next day', 'Order by 4 pm', 899, 10000, '{GB}', 1, 1)
     ON CONFLICT (code) DO NOTHING`,
  );
  await manager.query(
    `INSERT INTO tax_rates (country, region, tax_category, rate, name)
     VALUES ('KE', NULL, 'standard', 1600, 'VAT 16 %'),
            ('KE', NULL, 'reduced', 800, 'VAT 8 %'),
            ('GB', NULL, 'standard', 2000, 'VAT 20 %'),
            ('GB', NULL, 'reduced', 0, 'VAT zero rate'),
            ('US', 'CA', 'standard', 725, 'California sales tax'),
            ('US', 'NY', 'standard', 400, 'New York sales tax'),
            ('US', 'TX', 'standard', 625, 'Texas sales tax'),
            ('US', 'WA', 'standard', 650, 'Washington sales tax')
     ON CONFLICT DO NOTHING`,
  );
  await manager.query(
    `UPDATE product_variants v SET tax_category = 'reduced'
     FROM products p JOIN categories c ON c.id = p.category_id
     WHERE v.product_id = p.id AND c.name IN ('Fiction', 'Non-fiction')`,
  );
}

/**
 * Two promotions to try: the code WELCOME10 (10 % off, once per customer) and an automatic
 * 15 % off everything in Sports & Outdoors (its sub-categories included), no code needed.
 */
async function insertPromotions(manager: EntityManager): Promise<void> {
  await manager.query(
    // Created a moment before the automatic one (one transaction shares now()), so it applies first.
    `INSERT INTO promotions (name, code, kind, value, usage_limit_per_customer, created_at)
     VALUES ('Welcome: 10 % off your first order', 'WELCOME10', 'percentage', 1000, 1, now() - interval '1 second')
     ON CONFLICT DO NOTHING`,
  );
  await manager.query(
    `INSERT INTO promotions (name, kind, value, applies_to_category_ids)
     SELECT 'Outdoor week: 15 % off Sports & Outdoors', 'percentage', 1500, ARRAY[id]
     FROM categories WHERE name = 'Sports & Outdoors' AND parent_id IS NULL
     AND NOT EXISTS (SELECT 1 FROM promotions WHERE code IS NULL AND name LIKE 'Outdoor week%')`,
  );
}

/** Inserts the whole tree in one statement (ids chosen here) and returns one template per leaf noun. */
async function insertCategories(manager: EntityManager): Promise<Template[]> {
  const rows: { id: string; name: string; parentId: string | null }[] = [];
  const templates: Template[] = [];
  const visit = (category: DemoCategory, parentId: string | null) => {
    const id = randomUUID();
    rows.push({ id, name: category.name, parentId });
    for (const noun of category.goods?.nouns ?? []) {
      const [optionName, optionValues] = category.goods!.option;
      templates.push({
        category_id: id,
        noun,
        base_price: category.goods!.basePrice,
        option_name: optionName,
        option_values: optionValues,
      });
    }
    category.children?.forEach((child) => visit(child, id));
  };
  DEMO_CATEGORIES.forEach((category) => visit(category, null));
  await manager.query(
    `INSERT INTO categories (id, name, slug, parent_id)
     SELECT c.id, c.name, trim(both '-' from lower(regexp_replace(c.name, '[^A-Za-z0-9]+', '-', 'g'))), c.parent_id
     FROM unnest($1::uuid[], $2::text[], $3::uuid[]) AS c (id, name, parent_id)`,
    [rows.map((row) => row.id), rows.map((row) => row.name), rows.map((row) => row.parentId)],
  );
  return templates;
}

/**
 * Variant ids are derived from (n, v), so the API's examples can name a real demo variant
 * (the first, md5('congocart-demo-variant:1:1') made a v4 UUID, is the example of POST /cart/items). Product n uses template n mod T; names, prices, statuses (about 1 in 41 draft, 1 in 53
 * archived) and variant counts (1–4) vary deterministically with n. The price range is stored
 * as the catalog's writes would.
 */
async function insertProducts(manager: EntityManager, templates: Template[], count: number, currency: string): Promise<void> {
  await manager.query(
    `WITH templates AS (
       SELECT (t.value ->> 'category_id')::uuid AS category_id, t.value ->> 'noun' AS noun, (t.value ->> 'base_price')::int AS base_price,
              t.value ->> 'option_name' AS option_name, t.value -> 'option_values' AS option_values, t.ord - 1 AS idx
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t (value, ord)
     ),
     numbered AS (
       SELECT n, t.category_id, t.noun, t.base_price, t.option_name, t.option_values,
              ($2::text[])[1 + (n * 7) % array_length($2::text[], 1)] AS adjective,
              ($3::text[])[1 + (n * 3) % array_length($3::text[], 1)] AS brand,
              now() - make_interval(mins => n) AS created_at
       FROM generate_series(1, $4::int) AS n
       JOIN templates t ON t.idx = n % (SELECT count(*) FROM templates)
     ),
     inserted AS (
       INSERT INTO products (slug, name, description, status, category_id, images, attributes, created_at, updated_at)
       SELECT lower(regexp_replace(brand || ' ' || adjective || ' ' || noun, '[^A-Za-z0-9]+', '-', 'g')) || '-' || n,
              brand || ' ' || adjective || ' ' || noun,
              'The ' || lower(adjective) || ' ' || lower(noun) || ' by ' || brand || ': made to last, easy to love.',
              CASE WHEN n % 41 = 0 THEN 'draft' WHEN n % 53 = 0 THEN 'archived' ELSE 'active' END,
              category_id,
              jsonb_build_array('https://picsum.photos/seed/congocart-' || n || '/800/800'),
              jsonb_build_object('brand', brand, 'model', 'CC-' || n),
              created_at, created_at
       FROM numbered
       RETURNING id, attributes ->> 'model' AS model, created_at
     )
     INSERT INTO product_variants (id, product_id, sku, name, options, price_amount, price_currency, created_at, updated_at)
     SELECT overlay(overlay(md5('congocart-demo-variant:' || n.n || ':' || v) placing '4' from 13) placing '8' from 17)::uuid, i.id, 'CC-' || n.n || '-' || v, n.option_values ->> (v - 1), jsonb_build_object(n.option_name, n.option_values ->> (v - 1)),
            (n.base_price * (70 + (n.n * 17) % 60) / 10000) * 100 + 99 + (v - 1) * (n.base_price / 1000) * 100,
            $5, i.created_at, i.created_at
     FROM inserted i
     JOIN numbered n ON 'CC-' || n.n = i.model
     CROSS JOIN LATERAL generate_series(1, least(1 + (n.n * 13) % 4, jsonb_array_length(n.option_values))) AS v`,
    [JSON.stringify(templates), DEMO_ADJECTIVES, DEMO_BRANDS, count, currency],
  );
  await manager.query(
    `UPDATE products p SET price_min = r.min, price_max = r.max
     FROM (SELECT product_id, min(price_amount) AS min, max(price_amount) AS max FROM product_variants GROUP BY product_id) r
     WHERE p.id = r.product_id`,
  );
}

/**
 * Every variant gets its stock level (about 1 in 7 sold out). The ledger tells how it got there:
 * a delivery, then for some a stocktake correction, so per variant the deltas sum to onHand.
 */
async function insertStock(manager: EntityManager): Promise<void> {
  await manager.query(
    `INSERT INTO stock_levels (variant_id, on_hand, reserved)
     SELECT id, CASE WHEN abs(hashtext(id::text)) % 7 = 0 THEN 0 ELSE 1 + abs(hashtext(id::text)) % 120 END, 0
     FROM product_variants`,
  );
  await manager.query(
    `INSERT INTO stock_movements (variant_id, kind, delta, reason, reference)
     SELECT variant_id, 'adjustment', on_hand + abs(hashtext(variant_id::text || 'c')) % 3, 'Initial delivery', 'demo-seed'
     FROM stock_levels WHERE on_hand + abs(hashtext(variant_id::text || 'c')) % 3 > 0`,
  );
  await manager.query(
    `INSERT INTO stock_movements (variant_id, kind, delta, reason, reference)
     SELECT variant_id, 'adjustment', -(abs(hashtext(variant_id::text || 'c')) % 3), 'Stocktake correction', 'demo-seed'
     FROM stock_levels WHERE abs(hashtext(variant_id::text || 'c')) % 3 > 0`,
  );
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalog tables: a category tree, products and their variants. `price_min`/`price_max` are the
 * product's price range over its variants (NULL while it has none), kept by the catalog's writes so
 * listings sort and filter by price from an index. `search_vector` indexes name and description
 * twice: 'simple' keeps whole words for prefix matches ('runn' → 'running'), 'english' stems
 * ('laptops' → 'laptop').
 */
export class CreateCatalog1764000300000 implements MigrationInterface {
  name = 'CreateCatalog1764000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL,
        slug varchar(120) NOT NULL,
        parent_id uuid NULL REFERENCES categories (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT categories_slug_key UNIQUE (slug),
        CONSTRAINT categories_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        CONSTRAINT categories_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await queryRunner.query(`CREATE INDEX categories_parent_id_idx ON categories (parent_id)`);

    await queryRunner.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(120) NOT NULL,
        name varchar(200) NOT NULL,
        description text NULL,
        status varchar(16) NOT NULL DEFAULT 'draft',
        category_id uuid NULL REFERENCES categories (id) ON DELETE RESTRICT,
        images jsonb NOT NULL DEFAULT '[]',
        attributes jsonb NOT NULL DEFAULT '{}',
        price_min bigint NULL,
        price_max bigint NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple'::regconfig, name), 'A') ||
          setweight(to_tsvector('english'::regconfig, name), 'A') ||
          setweight(to_tsvector('simple'::regconfig, coalesce(description, '')), 'B') ||
          setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')
        ) STORED,
        CONSTRAINT products_slug_key UNIQUE (slug),
        CONSTRAINT products_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        CONSTRAINT products_status_check CHECK (status IN ('draft', 'active', 'archived')),
        CONSTRAINT products_description_length CHECK (char_length(description) <= 5000),
        CONSTRAINT products_images_array CHECK (jsonb_typeof(images) = 'array'),
        CONSTRAINT products_attributes_object CHECK (jsonb_typeof(attributes) = 'object'),
        CONSTRAINT products_price_range CHECK ((price_min IS NULL) = (price_max IS NULL) AND price_min >= 0 AND price_min <= price_max),
        CONSTRAINT products_version_positive CHECK (version >= 1)
      )`);
    // Shopper listings: one partial index per sort, holding only what shoppers can see.
    await queryRunner.query(
      `CREATE INDEX products_listing_created_idx ON products (created_at DESC, id DESC) WHERE status = 'active' AND price_min IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX products_listing_price_idx ON products (price_min, id) WHERE status = 'active' AND price_min IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX products_listing_name_idx ON products (name, id) WHERE status = 'active' AND price_min IS NOT NULL`,
    );
    // No pending list: catalog writes are rare, and searches must not scan unmerged entries.
    await queryRunner.query(`CREATE INDEX products_search_idx ON products USING gin (search_vector) WITH (fastupdate = off)`);
    await queryRunner.query(`CREATE INDEX products_category_id_idx ON products (category_id)`);
    // Admin listing: every status, newest first, optionally by status.
    await queryRunner.query(`CREATE INDEX products_created_idx ON products (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX products_status_created_idx ON products (status, created_at DESC, id DESC)`);

    await queryRunner.query(`
      CREATE TABLE product_variants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        sku varchar(64) NOT NULL,
        name varchar(200) NOT NULL,
        options jsonb NOT NULL DEFAULT '{}',
        price_amount bigint NOT NULL,
        price_currency char(3) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT product_variants_sku_key UNIQUE (sku),
        CONSTRAINT product_variants_price_non_negative CHECK (price_amount >= 0),
        CONSTRAINT product_variants_currency_format CHECK (price_currency ~ '^[A-Z]{3}$'),
        CONSTRAINT product_variants_options_object CHECK (jsonb_typeof(options) = 'object')
      )`);
    await queryRunner.query(`CREATE INDEX product_variants_product_price_idx ON product_variants (product_id, price_amount)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE product_variants`);
    await queryRunner.query(`DROP TABLE products`);
    await queryRunner.query(`DROP TABLE categories`);
  }
}

import type { ProductSort, ShopperProductFilter } from '../../libs/catalog/src/application/product-listing.port';
import { searchWords } from '../../libs/catalog/src/domain/search-words';
import { activeProductQuery, shopperListingQuery } from '../../libs/catalog/src/infrastructure/catalog-read.sql';
import type { BaselineStep, BenchContext, BenchScenario } from '../scenario';

/**
 * Catalog read scenarios over the seeded demo catalog. The bare baselines run the very SQL the
 * API runs (the same builders), so the ratio shows what the framework, validation, paging, the
 * response cache and serialisation cost or save. Run once with the default cache and once with
 * CATALOG_CACHE_TTL_MS=0 to see what the cache buys.
 */
const PAGE = 20;
const DEEP_PAGES = 10;
const SEARCH = 'lamp';

const NO_FILTER: ShopperProductFilter = { words: [], category: null, minPrice: null, maxPrice: null, inStock: false };

function listing(filter: ShopperProductFilter, sort: ProductSort, after: unknown[] | null): BaselineStep {
  const { text, params } = shopperListingQuery(filter, sort, after as never, PAGE + 1);
  return { sql: text, params };
}

/** The cursor's keyset position (the API's cursors are base64url JSON {k: keys, s: scope}, a dot, and their signature). */
function keysOf(cursor: string): unknown[] {
  return (JSON.parse(Buffer.from(cursor.split('.')[0], 'base64url').toString('utf8')) as { k: unknown[] }).k;
}

async function getJson(ctx: BenchContext, path: string): Promise<any> {
  const response = await fetch(ctx.apiUrl + path);
  if (!response.ok) throw new Error(`${path} → ${response.status}`);
  return response.json();
}

const deepParams: unknown[] = [];
const detailParams: unknown[] = [];
const deepSql = { text: '' };
const detailSql = { text: '' };

export const scenarios: BenchScenario[] = [
  {
    name: 'catalog: GET /products (first page)',
    cacheSensitive: true,
    request: async () => ({ method: 'GET', path: '/api/v1/products' }),
    baseline: listing(NO_FILTER, '-createdAt', null),
  },
  {
    name: `catalog: GET /products?q=${SEARCH}&inStock=true`,
    cacheSensitive: true,
    request: async () => ({ method: 'GET', path: `/api/v1/products?q=${SEARCH}&inStock=true` }),
    baseline: listing({ ...NO_FILTER, words: searchWords(SEARCH), inStock: true }, '-createdAt', null),
  },
  {
    name: `catalog: GET /products?sort=price (page ${DEEP_PAGES + 1}, by cursor)`,
    cacheSensitive: true,
    async request(ctx) {
      let cursor: string | null = null;
      for (let page = 0; page < DEEP_PAGES; page++) {
        const body: any = await getJson(ctx, `/api/v1/products?sort=price&limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`);
        cursor = body.page.nextCursor;
        if (!cursor) throw new Error('The seeded catalog is too small for the deep-page scenario');
      }
      const step = listing(NO_FILTER, 'price', keysOf(cursor as string)) as { sql: string; params: unknown[] };
      deepSql.text = step.sql;
      deepParams.push(...step.params);
      return { method: 'GET', path: `/api/v1/products?sort=price&limit=${PAGE}&cursor=${cursor}` };
    },
    // Filled in by request() (the runner reads the baseline after preparing the request).
    baseline: {
      get sql() {
        return deepSql.text;
      },
      params: deepParams,
    },
  },
  {
    name: 'catalog: GET /products/{slug}',
    cacheSensitive: true,
    async request(ctx) {
      const first: any = await getJson(ctx, '/api/v1/products?limit=1');
      const slug = first.data[0].slug as string;
      const query = activeProductQuery(slug);
      detailSql.text = query.text;
      detailParams.push(...query.params);
      return { method: 'GET', path: `/api/v1/products/${slug}` };
    },
    baseline: {
      get sql() {
        return detailSql.text;
      },
      params: detailParams,
    },
  },
];

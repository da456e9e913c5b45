import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { BenchContext, BenchRequest } from './scenario';
import { stockedProduct } from './support';

/**
 * Issue 20 item 5, the rest of "cost as work grows" (`npm run bench -- --only growth`):
 *
 * - Checkout latency for carts of 1, 10 and 100 lines. Each sample fills a fresh active cart of
 *   the customer with N lines (one unit each of N bench variants) straight in SQL, untimed, then
 *   times one `POST /api/v1/checkout` with a fresh Idempotency-Key. One checkout at a time, the
 *   three sizes interleaved (1, 10, 100, 1, 10, 100, …) so a neighbour's load on the shared
 *   machine falls on all three alike; what is measured is the request's own cost, not queueing.
 * - Search with a selective `q` (a word only the HANDFUL products the bench adds carry), the full
 *   name of a seeded product (a few dozen matches: seeded names repeat) and an unselective one (a
 *   word of every seeded description), each with the catalog cache on and off, driven by
 *   autocannon like the other scenarios; with the number of active products each matches.
 */
export const CHECKOUT_LINES = [1, 10, 100];
const PRICE = 1999;
const STOCK = 1_000_000;
/** Every seeded description reads "… made to last, easy to love.". */
const UNSELECTIVE = 'love';
/** The selective word: in no seeded product, in the HANDFUL the bench adds. */
const RARE = 'quokka';
const HANDFUL = 5;
const ADDRESS = { name: 'Bench Shopper', line1: '1 Load Street', city: 'Springfield', postalCode: '12345', country: 'US' };
/** Customers per cart size, taken in turn: each ends with samples / CUSTOMERS unpaid orders at most. */
const CUSTOMERS = 5;

export interface GrowthOptions {
  context: BenchContext;
  uncachedApi: () => Promise<string>;
  drive: (url: string, sequences: BenchRequest[][]) => Promise<{ rps: number; p50: number; p99: number; non2xx: number; total: number }>;
  samples: number;
  fmt: (value: number) => string;
}

export async function measureGrowth(options: GrowthOptions): Promise<string[]> {
  // Search first, over the seeded catalog alone.
  const search = await measureSearch(options);
  const checkout = await measureCheckout(options);
  return [...checkout, ...search];
}

async function measureCheckout({ context, samples }: GrowthOptions): Promise<string[]> {
  const largest = Math.max(...CHECKOUT_LINES);
  console.log(`\ngrowth: stocking ${largest} variants...`);
  const tag = randomUUID().slice(0, 8);
  const variants: string[] = [];
  // An admin request creates at most 50 variants of a product.
  for (let first = 0; variants.length < largest; first += 50) {
    const sizes = Array.from({ length: Math.min(50, largest - first) }, (_, i) => String(first + i));
    variants.push(
      ...(await stockedProduct(context, {
        name: `Bench growth ${tag} ${first}`,
        skuPrefix: `BENCH-GR-${tag}-${first}`,
        sizes,
        price: PRICE,
        stock: STOCK,
      })),
    );
  }
  const customers = new Map<number, { token: string; id: string }[]>();
  for (const lines of CHECKOUT_LINES) {
    const list: { token: string; id: string }[] = [];
    for (let i = 0; i < CUSTOMERS; i += 1) {
      const token = await context.customerToken();
      list.push({ token, id: JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub });
    }
    customers.set(lines, list);
  }
  const fill = async (customerId: string, lines: number) => {
    const [cart] = await context.sql(
      `INSERT INTO carts (customer_id) VALUES ($1)
       ON CONFLICT (customer_id) WHERE status = 'active' AND customer_id IS NOT NULL DO UPDATE SET updated_at = clock_timestamp()
       RETURNING id`,
      [customerId],
    );
    await context.sql('DELETE FROM cart_items WHERE cart_id = $1', [cart.id]);
    await context.sql(
      `INSERT INTO cart_items (cart_id, variant_id, quantity, seen_unit_price, created_at, updated_at)
       SELECT $1, v.id, 1, v.price_amount, clock_timestamp(), clock_timestamp()
       FROM unnest($2::uuid[]) WITH ORDINALITY AS w(id, n) JOIN product_variants v ON v.id = w.id ORDER BY w.n`,
      [cart.id, variants.slice(0, lines)],
    );
  };
  const timings = new Map<number, number[]>(CHECKOUT_LINES.map((lines) => [lines, []]));
  const failures = new Map<number, string[]>(CHECKOUT_LINES.map((lines) => [lines, []]));
  // Two warm-up rounds, not counted.
  const warmUp = 2;
  console.log(`growth: checkout of ${CHECKOUT_LINES.join(', ')} lines, ${samples} samples each...`);
  for (let round = 0; round < warmUp + samples; round += 1) {
    for (const lines of CHECKOUT_LINES) {
      const customer = customers.get(lines)![round % CUSTOMERS];
      await fill(customer.id, lines);
      const started = performance.now();
      const response = await fetch(`${context.apiUrl}/api/v1/checkout`, {
        method: 'POST',
        headers: { authorization: `Bearer ${customer.token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ shippingAddress: ADDRESS }),
      });
      const body = await response.text();
      const elapsed = performance.now() - started;
      if (round < warmUp) continue;
      const ordered = response.status === 201 ? (JSON.parse(body) as { lines: unknown[] }).lines.length : -1;
      if (ordered !== lines) failures.get(lines)!.push(`${response.status} ${body.slice(0, 200)}`);
      else timings.get(lines)!.push(elapsed);
    }
  }
  const rows = CHECKOUT_LINES.map((lines) => {
    const sorted = timings.get(lines)!.sort((a, b) => a - b);
    const failed = failures.get(lines)!;
    if (failed.length) console.warn(`growth: ${failed.length} checkouts of ${lines} lines failed, e.g. ${failed[0]}`);
    const mean = sorted.reduce((sum, value) => sum + value, 0) / (sorted.length || 1);
    return `| ${lines} | ${sorted.length} | ${ms(percentile(sorted, 0.5))} | ${ms(percentile(sorted, 0.99))} | ${ms(mean)} | ${failed.length} |`;
  });
  return [
    'Checkout as the cart grows (one `POST /checkout` at a time, cart filled beforehand, untimed):',
    '',
    '| lines | checkouts | p50 ms | p99 ms | mean ms | failed |',
    '|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ];
}

async function measureSearch({ context, uncachedApi, drive, fmt }: GrowthOptions): Promise<string[]> {
  const matching = `SELECT count(*)::int AS n FROM products p WHERE p.status = 'active' AND p.price_min IS NOT NULL
    AND p.search_vector @@ (to_tsquery('simple', $1) || to_tsquery('english', $1))`;
  const count = async (q: string): Promise<number> => {
    const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    return (await context.sql(matching, [words.map((word) => `'${word}':*`).join(' & ')]))[0].n;
  };
  // A handful of matches: products the bench adds with a word of their own, stocked and active.
  const tag = randomUUID().slice(0, 8);
  for (let i = 0; i < HANDFUL; i += 1) {
    await stockedProduct(context, {
      name: `Bench ${RARE} ${tag} ${i}`,
      skuPrefix: `BENCH-RARE-${tag}-${i}`,
      sizes: ['One'],
      price: PRICE,
      stock: 1000,
    });
  }
  // Fewer than a few dozen matches cannot be had from seeded names: they repeat every ~120 products.
  const [product] = await context.sql(
    `SELECT name FROM products WHERE status = 'active' AND price_min IS NOT NULL AND name NOT LIKE 'Bench %' ORDER BY created_at DESC LIMIT 1`,
  );
  const [total] = await context.sql(`SELECT count(*)::int AS n FROM products WHERE status = 'active' AND price_min IS NOT NULL`);
  const uncached = await uncachedApi();
  const rows: string[] = [];
  for (const [label, q] of [
    ['selective', RARE],
    ['one seeded name', String(product.name)],
    ['unselective', UNSELECTIVE],
  ] as const) {
    const matches = await count(q);
    const path = `/api/v1/products?q=${encodeURIComponent(q)}`;
    for (const [cache, url] of [
      ['on', context.apiUrl],
      ['off', uncached],
    ] as const) {
      console.log(`growth: search ${label} q=${q}, cache ${cache}...`);
      const measured = await drive(url, [[{ method: 'GET', path }]]);
      rows.push(
        `| ${label}: \`q=${q}\` | ${fmt(matches)} of ${fmt(total.n)} | ${cache} | ${fmt(measured.rps)} | ${measured.p50} | ${measured.p99} | ${measured.non2xx}/${measured.total} |`,
      );
    }
  }
  return [
    'Search by selectivity (`GET /api/v1/products?q=…`, first page of 20, default sort):',
    '',
    '| q | active products matching | cache | req/s | p50 ms | p99 ms | non-2xx |',
    '|---|---:|---|---:|---:|---:|---:|',
    ...rows,
    '',
  ];
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

function ms(value: number): string {
  return Number.isNaN(value) ? '–' : value.toFixed(1);
}

/**
 * What a cached read depends on. Product details show each variant's available units, so every
 * stock change drops them; listings and the category tree only say whether a product is in stock,
 * so a stock change drops them only when a variant runs out or comes back.
 */
export type CatalogCacheRegion = 'products' | 'listings';
export const ALL_CATALOG_CACHE_REGIONS: readonly CatalogCacheRegion[] = ['products', 'listings'];

/**
 * Short-lived cache of catalog read responses (JSON values only), in regions. `invalidate()`
 * drops every entry of the regions given (all by default); a value loaded before an
 * invalidation of its region is never served after it.
 */
export abstract class CatalogCache {
  abstract getOrLoad<T>(region: CatalogCacheRegion, key: string, load: () => Promise<T>): Promise<T>;
  abstract invalidate(regions?: readonly CatalogCacheRegion[]): Promise<void>;
}

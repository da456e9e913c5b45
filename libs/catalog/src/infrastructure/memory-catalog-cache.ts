import { MemoryCache } from '@congocart/shared';
import { ALL_CATALOG_CACHE_REGIONS, CatalogCache, CatalogCacheRegion } from '../application/catalog-cache.port';

/** The catalog's cache in this process alone (see MemoryCache), one per region: a single instance, or behind ClusterCatalogCache. */
export class MemoryCatalogCache extends CatalogCache {
  private readonly regions: Record<CatalogCacheRegion, MemoryCache>;

  constructor(ttlMs: number, maxEntries: number) {
    super();
    this.regions = { products: new MemoryCache(ttlMs, maxEntries), listings: new MemoryCache(ttlMs, maxEntries) };
  }

  getOrLoad<T>(region: CatalogCacheRegion, key: string, load: () => Promise<T>): Promise<T> {
    return this.regions[region].getOrLoad(key, load);
  }

  async invalidate(regions: readonly CatalogCacheRegion[] = ALL_CATALOG_CACHE_REGIONS): Promise<void> {
    for (const region of regions) this.regions[region].invalidate();
  }
}

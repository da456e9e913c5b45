import { MemoryCache } from '@congocart/shared';
import { CatalogCache } from '../application/catalog-cache.port';

/** The catalog's cache in this process alone (see MemoryCache): a single instance, or Redis-less clusters behind ClusterCatalogCache. */
export class MemoryCatalogCache extends CatalogCache {
  private readonly cache: MemoryCache;

  constructor(ttlMs: number, maxEntries: number) {
    super();
    this.cache = new MemoryCache(ttlMs, maxEntries);
  }

  getOrLoad<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.cache.getOrLoad(key, load);
  }

  async invalidate(): Promise<void> {
    this.cache.invalidate();
  }
}

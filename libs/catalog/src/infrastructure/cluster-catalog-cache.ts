import { Logger } from '@nestjs/common';
import type { ClusterNotifications } from '@congocart/shared';
import { ALL_CATALOG_CACHE_REGIONS, CatalogCache, CatalogCacheRegion } from '../application/catalog-cache.port';

const CHANNEL = 'catalog_cache_invalidated';

/**
 * An in-process cache that every instance drops together: `invalidate()` drops this instance's
 * entries and tells the others (PostgreSQL NOTIFY, or Redis pub/sub), which drop theirs on
 * receipt, well within a second. The TTL remains the fallback for a lost message.
 */
export class ClusterCatalogCache extends CatalogCache {
  private readonly logger = new Logger('CatalogCache');

  constructor(
    private readonly local: CatalogCache,
    private readonly cluster: ClusterNotifications,
  ) {
    super();
    cluster
      .subscribe(CHANNEL, (message) => void this.local.invalidate(regionsIn(message)))
      .catch((error: unknown) => this.logger.warn(`Not listening for catalog changes (the cache TTL applies): ${String(error)}`));
  }

  getOrLoad<T>(region: CatalogCacheRegion, key: string, load: () => Promise<T>): Promise<T> {
    return this.local.getOrLoad(region, key, load);
  }

  async invalidate(regions: readonly CatalogCacheRegion[] = ALL_CATALOG_CACHE_REGIONS): Promise<void> {
    await this.local.invalidate(regions);
    await this.cluster.publish(CHANNEL, regions.join(','));
  }
}

/** The regions a message names; an empty or unknown message (an older instance's) drops them all. */
function regionsIn(message: string): readonly CatalogCacheRegion[] {
  const named = message
    .split(',')
    .filter((region): region is CatalogCacheRegion => ALL_CATALOG_CACHE_REGIONS.includes(region as CatalogCacheRegion));
  return named.length ? named : ALL_CATALOG_CACHE_REGIONS;
}

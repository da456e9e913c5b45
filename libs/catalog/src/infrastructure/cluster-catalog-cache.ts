import { Logger } from '@nestjs/common';
import type { ClusterNotifications } from '@congocart/shared';
import { CatalogCache } from '../application/catalog-cache.port';

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
      .subscribe(CHANNEL, () => void this.local.invalidate())
      .catch((error: unknown) => this.logger.warn(`Not listening for catalog changes (the cache TTL applies): ${String(error)}`));
  }

  getOrLoad<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.local.getOrLoad(key, load);
  }

  async invalidate(): Promise<void> {
    await this.local.invalidate();
    await this.cluster.publish(CHANNEL);
  }
}

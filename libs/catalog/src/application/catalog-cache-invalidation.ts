import { Injectable } from '@nestjs/common';
import { AvailabilityChanges } from '@congocart/inventory';
import { AfterCommit } from '@congocart/shared';
import { CatalogCache } from './catalog-cache.port';

/**
 * Drops the cached shopper reads once a change has committed: every catalog write calls
 * `afterCommit()` inside its transaction, and inventory's availability changes do the same, so a
 * seed, an importer, a job or a checkout invalidates as an admin request does. The commit waits
 * for the invalidation, so the writer's next read sees its change.
 */
@Injectable()
export class CatalogCacheInvalidation {
  constructor(
    private readonly cache: CatalogCache,
    private readonly after: AfterCommit,
    availability: AvailabilityChanges,
  ) {
    availability.subscribe(() => this.cache.invalidate());
  }

  afterCommit(): Promise<void> {
    return this.after.run(() => this.cache.invalidate());
  }
}

import { Injectable } from '@nestjs/common';
import { AvailabilityChanges } from '@congocart/inventory';
import { AfterCommit } from '@congocart/shared';
import { CatalogCache } from './catalog-cache.port';

/**
 * Drops the cached shopper reads once a change has committed: every catalog write calls
 * `afterCommit()` inside its transaction (every region), and inventory's availability changes do
 * the same (product details; listings too when a variant ran out or came back), so a
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
    // Product details show available units: any change drops them. Listings only say "in stock".
    availability.subscribe(({ inStockChanged }) => this.cache.invalidate(inStockChanged ? undefined : ['products']));
  }

  afterCommit(): Promise<void> {
    return this.after.run(() => this.cache.invalidate());
  }
}

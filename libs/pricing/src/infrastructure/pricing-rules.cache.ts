import { Injectable, Logger } from '@nestjs/common';
import { AfterCommit, ClusterNotifications, MemoryCache } from '@congocart/shared';
import { PricingConfig } from '../pricing.config';

const CHANNEL = 'pricing_rules_changed';
/** Automatic promotions, codes looked up, countries' methods and rates: bounded whatever shoppers type. */
const MAX_ENTRIES = 10_000;

/**
 * The pricing rules every cart read, cart change and checkout needs (automatic promotions, a
 * code's promotion, a country's shipping methods and tax rates), kept in process instead of
 * read per request. The repositories drop them in the transaction that changes a rule: once it
 * commits this instance drops its copy at once and the others on the cluster notification.
 * Prices stay exact: checkout redeems promotions with a conditional statement against the
 * stored usage, never against this copy.
 */
@Injectable()
export class PricingRulesCache {
  private readonly logger = new Logger('PricingRulesCache');
  private readonly cache: MemoryCache;

  constructor(
    config: PricingConfig,
    private readonly cluster: ClusterNotifications,
    private readonly afterCommit: AfterCommit,
  ) {
    this.cache = new MemoryCache(config.rulesCacheTtlMs, MAX_ENTRIES);
    if (config.rulesCacheTtlMs > 0)
      cluster
        .subscribe(CHANNEL, () => this.cache.invalidate())
        .catch((error: unknown) => this.logger.warn(`Not listening for pricing rule changes (the cache TTL applies): ${String(error)}`));
  }

  getOrLoad<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.cache.getOrLoad(key, load);
  }

  /** Call inside the transaction that changed a rule. */
  changed(): Promise<void> {
    return this.afterCommit.run(async () => {
      this.cache.invalidate();
      await this.cluster.publish(CHANNEL);
    });
  }
}

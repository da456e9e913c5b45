import { EnvReader } from '@congocart/shared';

/** Settings of the catalog context. */
export class CatalogConfig {
  /** How long listing, product and category responses are cached; 0 turns the cache off. */
  readonly cacheTtlMs: number;
  /** Bound of the in-process cache (entries); the Redis cache is bounded by its TTL. */
  readonly cacheMaxEntries: number;
  /** `Cache-Control: public, max-age=<n>` on shopper reads. */
  readonly publicMaxAgeSeconds: number;

  constructor(env: EnvReader = new EnvReader()) {
    this.cacheTtlMs = env.int('CATALOG_CACHE_TTL_MS', 5000, { min: 0, max: 3_600_000 });
    this.cacheMaxEntries = env.int('CATALOG_CACHE_MAX_ENTRIES', 5000, { min: 1, max: 1_000_000 });
    this.publicMaxAgeSeconds = env.int('CATALOG_PUBLIC_MAX_AGE_SECONDS', 30, { min: 0, max: 86_400 });
  }
}

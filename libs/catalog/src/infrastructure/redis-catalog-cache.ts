import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { redisCircuit } from '@congocart/shared';
import { ALL_CATALOG_CACHE_REGIONS, CatalogCache, CatalogCacheRegion } from '../application/catalog-cache.port';

const generationKey = (region: CatalogCacheRegion) => `congocart:catalog:generation:${region}`;
/** Reads the current generation and the entry under it in one round trip. */
const READ_SCRIPT = `
local generation = redis.call('GET', KEYS[1]) or '0'
return {generation, redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2])}`;

/**
 * Cache shared by every API instance (REDIS_URL). Entries live under their region's current
 * generation; `invalidate()` bumps it, so all instances stop seeing older entries at once and the rest expire
 * by TTL. When Redis is unreachable or failing, reads go straight to the database (no waiting:
 * see RedisCircuit) and recover by themselves when it returns.
 */
export class RedisCatalogCache extends CatalogCache {
  private readonly logger = new Logger('CatalogCache');

  constructor(
    private readonly redis: Redis,
    private readonly ttlMs: number,
  ) {
    super();
  }

  async getOrLoad<T>(region: CatalogCacheRegion, key: string, load: () => Promise<T>): Promise<T> {
    const hashed = createHash('sha256').update(key).digest('base64url');
    const prefix = `congocart:catalog:${region}:`;
    const circuit = redisCircuit(this.redis);
    if (!circuit.usable) return load();
    let generation: string;
    try {
      const [current, cached] = (await circuit.run(() => this.redis.eval(READ_SCRIPT, 1, generationKey(region), prefix, hashed))) as [
        string,
        string | null,
      ];
      if (cached !== null) return JSON.parse(cached) as T;
      generation = current;
    } catch (error) {
      this.logger.warn(`Catalog cache unavailable, reading through: ${String(error)}`);
      return load();
    }
    const value = await load();
    circuit.run(() => this.redis.set(`${prefix}${generation}:${hashed}`, JSON.stringify(value), 'PX', this.ttlMs)).catch(() => undefined);
    return value;
  }

  async invalidate(regions: readonly CatalogCacheRegion[] = ALL_CATALOG_CACHE_REGIONS): Promise<void> {
    // The write has committed already; an unreachable Redis must not turn it into an error.
    await Promise.all(
      regions.map((region) =>
        this.redis
          .incr(generationKey(region))
          .catch((error: unknown) => this.logger.warn(`Catalog cache not invalidated: ${String(error)}`)),
      ),
    );
  }
}

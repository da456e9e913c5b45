/**
 * Short-lived cache of catalog read responses (JSON values only). `invalidate()` drops every
 * entry; a value loaded before an invalidation is never served after it.
 */
export abstract class CatalogCache {
  abstract getOrLoad<T>(key: string, load: () => Promise<T>): Promise<T>;
  abstract invalidate(): Promise<void>;
}

interface Entry {
  expiresAt: number;
  value: unknown;
}

/**
 * In-process cache with a TTL, a size bound (oldest entry out first) and single flight: concurrent
 * misses of one key share one load. Entries carry the generation they were loaded in, so a load
 * that started before `invalidate()` is never stored after it.
 */
export class MemoryCache {
  private generation = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<unknown>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  async getOrLoad<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > Date.now()) return entry.value as T;
    const flightKey = `${this.generation}:${key}`;
    const inFlight = this.loading.get(flightKey);
    if (inFlight) return inFlight as Promise<T>;
    const generation = this.generation;
    const pending = load().then(
      (value) => {
        this.loading.delete(flightKey);
        if (generation === this.generation) this.store(key, value);
        return value;
      },
      (error: unknown) => {
        this.loading.delete(flightKey);
        throw error;
      },
    );
    this.loading.set(flightKey, pending);
    return pending;
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }

  private store(key: string, value: unknown): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { expiresAt: Date.now() + this.ttlMs, value });
  }
}

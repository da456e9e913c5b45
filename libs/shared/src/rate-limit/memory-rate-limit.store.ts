import { RateLimitStore, WindowCount } from './rate-limit.store';

/** Bounds the counters' memory whatever the number of client addresses (IPv6 has plenty). */
const MAX_KEYS = 200_000;

/** One process's counters. */
export class MemoryRateLimitStore extends RateLimitStore {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();
  private nextSweepAt = 0;

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const now = Date.now();
    if (now >= this.nextSweepAt || this.windows.size >= MAX_KEYS) this.sweep(now, windowMs);
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetMs: window.endsAt - now };
  }

  private sweep(now: number, windowMs: number): void {
    this.nextSweepAt = now + Math.min(windowMs, 60_000);
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    // Still full of live windows: forget the oldest half rather than grow without bound.
    if (this.windows.size >= MAX_KEYS) {
      let drop = this.windows.size / 2;
      for (const key of this.windows.keys()) {
        if (drop-- <= 0) break;
        this.windows.delete(key);
      }
    }
  }
}

export interface WindowCount {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  resetMs: number;
}

/** Fixed-window hit counters: in process by default, in Redis (shared by instances) with REDIS_URL. */
export abstract class RateLimitStore {
  abstract hit(key: string, windowMs: number): Promise<WindowCount>;
}

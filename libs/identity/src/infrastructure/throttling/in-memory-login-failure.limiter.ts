import { LoginFailureLimiter } from '../../application/login-failure-limiter.port';

interface Window {
  count: number;
  endsAt: number;
}

/** One process's failure counts (the default; REDIS_URL shares them between instances). */
export class InMemoryLoginFailureLimiter extends LoginFailureLimiter {
  private readonly windows = new Map<string, Window>();
  private nextSweepAt = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    super();
  }

  async begin(email: string): Promise<{ retryAfterSeconds: number } | null> {
    const now = Date.now();
    this.sweep(now);
    let window = this.windows.get(email);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + this.windowMs };
      this.windows.set(email, window);
    }
    window.count += 1;
    return window.count > this.limit ? { retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - now) / 1000)) } : null;
  }

  async forgive(email: string): Promise<void> {
    const window = this.windows.get(email);
    if (window && window.count > 0 && window.endsAt > Date.now()) window.count -= 1;
  }

  /** Drops ended windows now and then, so memory follows the addresses of the last minute. */
  private sweep(now: number): void {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + this.windowMs;
    for (const [email, window] of this.windows) if (window.endsAt <= now) this.windows.delete(email);
  }
}

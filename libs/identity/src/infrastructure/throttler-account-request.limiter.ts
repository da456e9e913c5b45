import type { ThrottlerStorage } from '@nestjs/throttler';
import { AccountRequestLimiter } from '../application/account-request-limiter.port';

/** Account budgets on the same storage as the /auth IP limit (in memory, or Redis when configured). */
export class ThrottlerAccountRequestLimiter extends AccountRequestLimiter {
  constructor(private readonly storage: ThrottlerStorage) {
    super();
  }

  async take(key: string, limit: number, windowSeconds: number): Promise<{ retryAfterSeconds: number } | null> {
    const windowMs = windowSeconds * 1000;
    const record = await this.storage.increment(`account:${key}`, windowMs, limit, windowMs, 'account');
    return record.isBlocked ? { retryAfterSeconds: Math.max(1, Math.ceil(record.timeToBlockExpire)) } : null;
  }
}

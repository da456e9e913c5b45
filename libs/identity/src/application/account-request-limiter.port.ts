/** Fixed-window request budgets for account e-mails and password attempts (memory or Redis). */
export abstract class AccountRequestLimiter {
  /** Takes one request of `limit` per `windowSeconds` for `key`; the seconds to wait when none is left. */
  abstract take(key: string, limit: number, windowSeconds: number): Promise<{ retryAfterSeconds: number } | null>;
}

/** API.md: about 10 s, 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, then dead (≈ 20.6 h in all). */
export const DEFAULT_RETRY_SCHEDULE_SECONDS = [10, 60, 300, 1800, 7200, 21600, 43200];

/** ±20 %: receivers that failed together are not all retried in the same second. */
export const RETRY_JITTER = 0.2;

export type NextAttempt = { status: 'failed'; nextAttemptAt: Date } | { status: 'dead' };

/**
 * After the `attempts`-th attempt failed: the time of the next one, or dead when the schedule is
 * spent. `random` is in [0, 1) (Math.random in production, fixed in specs).
 */
export function nextAttemptAfterFailure(attempts: number, now: Date, scheduleSeconds: readonly number[], random: number): NextAttempt {
  const base = scheduleSeconds[attempts - 1];
  if (base === undefined) return { status: 'dead' };
  const delayMs = base * 1000 * (1 + RETRY_JITTER * (2 * random - 1));
  return { status: 'failed', nextAttemptAt: new Date(now.getTime() + Math.max(0, Math.round(delayMs))) };
}

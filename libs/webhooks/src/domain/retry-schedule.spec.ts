import { DEFAULT_RETRY_SCHEDULE_SECONDS, nextAttemptAfterFailure } from './retry-schedule';

const now = new Date('2026-11-24T10:00:00.000Z');
const delayOf = (attempts: number, random: number) => {
  const next = nextAttemptAfterFailure(attempts, now, DEFAULT_RETRY_SCHEDULE_SECONDS, random);
  return next.status === 'failed' ? (next.nextAttemptAt.getTime() - now.getTime()) / 1000 : 'dead';
};

describe('webhook retry schedule', () => {
  it('waits about 10 s, 1 min, 5 min, 30 min, 2 h, 6 h and 12 h after the 1st to 7th failure', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((attempts) => delayOf(attempts, 0.5))).toEqual([10, 60, 300, 1800, 7200, 21600, 43200]);
  });

  it('is dead after the 8th failed attempt (about 20.6 h of retries)', () => {
    expect(delayOf(8, 0.5)).toBe('dead');
    expect(DEFAULT_RETRY_SCHEDULE_SECONDS.reduce((sum, seconds) => sum + seconds, 0) / 3600).toBeCloseTo(20.6, 1);
  });

  it('spreads each retry by ±20 % jitter', () => {
    expect(delayOf(2, 0)).toBe(48);
    expect(delayOf(2, 0.999999)).toBeCloseTo(72, 3);
  });
});

import { ConfigError, EnvReader } from '../config/env';

/** Settings of Idempotency-Key handling. */
export class IdempotencyConfig {
  /** How long a key and its stored response are kept (and honoured). */
  readonly ttlHours: number;
  /** A claim older than this whose request never finished (crashed instance) may be taken over by a retry. */
  readonly inFlightTimeoutSeconds: number;
  /** How often expired keys are purged. */
  readonly purgeIntervalSeconds: number;
  /** Fault tests only: the process SIGKILLs itself after committing a request whose path has this segment. */
  readonly testCrashAfterCommit: string | undefined;

  constructor(env: EnvReader = new EnvReader()) {
    this.ttlHours = env.int('IDEMPOTENCY_TTL_HOURS', 24, { min: 1, max: 24 * 30 });
    this.inFlightTimeoutSeconds = env.int('IDEMPOTENCY_IN_FLIGHT_TIMEOUT_SECONDS', 60, { min: 5, max: 3600 });
    this.purgeIntervalSeconds = env.int('IDEMPOTENCY_PURGE_INTERVAL_SECONDS', 3600, { min: 10, max: 86_400 });
    this.testCrashAfterCommit = env.string('CONGOCART_TEST_CRASH_AFTER_COMMIT', '') || undefined;
    if (this.testCrashAfterCommit && env.string('NODE_ENV', 'development') === 'production') {
      throw new ConfigError('CONGOCART_TEST_CRASH_AFTER_COMMIT', 'is a fault-test hook and is refused in production');
    }
  }
}

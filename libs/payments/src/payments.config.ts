import { ConfigError, developmentSecret, EnvReader } from '@congocart/shared';

const DEV_WEBHOOK_SECRET_FILE = '.data/webhook-secret';

/** Payment provider settings. */
export class PaymentsConfig {
  /** HMAC-SHA256 key of the sandbox provider's webhook signatures. */
  readonly webhookSecret: string;
  /** How often payments left pending are reconciled with the provider. */
  readonly reconcileIntervalSeconds: number;
  /** A payment pending this long is reconciled (a charge in progress is younger). */
  readonly reconcileAfterSeconds: number;
  readonly reconcileBatchSize: number;
  /**
   * The sandbox provider (test tokens such as `tok_visa` pay any order). Always on outside
   * production; in production only with PAYMENT_SANDBOX_ENABLED=true (a staging shop).
   */
  readonly sandboxEnabled: boolean;

  constructor(env: EnvReader = new EnvReader(), nodeEnv = process.env.NODE_ENV ?? 'development') {
    const secret = env.optionalString('PAYMENT_WEBHOOK_SECRET');
    if (nodeEnv === 'production') {
      if (!secret) throw new ConfigError('PAYMENT_WEBHOOK_SECRET', 'is required in production');
      if (Buffer.byteLength(secret) < 16) throw new ConfigError('PAYMENT_WEBHOOK_SECRET', 'must be at least 16 bytes in production');
    }
    this.webhookSecret = secret ?? developmentSecret(DEV_WEBHOOK_SECRET_FILE);
    this.reconcileIntervalSeconds = env.int('PAYMENT_RECONCILE_INTERVAL_SECONDS', 60, { min: 1, max: 86_400 });
    this.reconcileAfterSeconds = env.int('PAYMENT_RECONCILE_AFTER_SECONDS', 120, { min: 1, max: 86_400 });
    this.reconcileBatchSize = env.int('PAYMENT_RECONCILE_BATCH_SIZE', 100, { min: 1, max: 10_000 });
    this.sandboxEnabled = env.bool('PAYMENT_SANDBOX_ENABLED', nodeEnv !== 'production');
    if (nodeEnv === 'production' && !this.sandboxEnabled) {
      // The sandbox is the only provider this build has: production must opt in to it knowingly.
      throw new ConfigError(
        'PAYMENT_SANDBOX_ENABLED',
        'must be true to run production with the sandbox payment provider (test tokens pay any order): a staging shop only',
      );
    }
  }
}

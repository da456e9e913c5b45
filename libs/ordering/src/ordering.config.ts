import { EnvReader } from '@congocart/shared';

/** Checkout and order-lifecycle settings of the ordering context. */
export class OrderingConfig {
  /** How long an order waits for a successful payment before it is cancelled and its stock released. */
  readonly paymentTtlSeconds: number;
  /** How often each API instance looks for unpaid orders past their payment window. */
  readonly expirySweepIntervalSeconds: number;
  /** At most this many orders are expired by one sweep (the next sweep continues). */
  readonly expirySweepBatchSize: number;
  /** Orders awaiting payment one customer may hold at once (stock hoarding); the next checkout → 429. */
  readonly maxUnpaidOrdersPerCustomer: number;

  constructor(env: EnvReader = new EnvReader()) {
    this.paymentTtlSeconds = env.int('ORDER_PAYMENT_TTL_SECONDS', 1800, { min: 1, max: 30 * 86_400 });
    this.expirySweepIntervalSeconds = env.int('ORDER_EXPIRY_SWEEP_INTERVAL_SECONDS', 30, { min: 1, max: 86_400 });
    this.maxUnpaidOrdersPerCustomer = env.int('MAX_UNPAID_ORDERS_PER_CUSTOMER', 3, { min: 1, max: 1_000_000 });
    this.expirySweepBatchSize = env.int('ORDER_EXPIRY_SWEEP_BATCH_SIZE', 500, { min: 1, max: 100_000 });
  }
}

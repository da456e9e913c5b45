import { EnvReader } from '@congocart/shared';

/** Settings of the pricing context. */
export class PricingConfig {
  /** true: catalog prices include tax (tax is extracted); false (default): tax is added on top. */
  readonly pricesIncludeTax: boolean;
  /** The `standard` method's price while no admin has set one (the flat fee of before shipping methods). */
  readonly standardShippingFeeMinor: number;
  /**
   * How long an instance may keep the pricing rules it read (promotions, shipping methods, tax
   * rates); 0 turns the cache off. Changes reach every instance at once through cluster
   * notifications: the TTL only bounds how long a lost notification can go unnoticed.
   */
  readonly rulesCacheTtlMs: number;

  constructor(env: EnvReader = new EnvReader()) {
    this.pricesIncludeTax = env.bool('PRICES_INCLUDE_TAX', false);
    this.standardShippingFeeMinor = env.int('SHIPPING_FEE_MINOR', 499, { min: 0, max: 10_000_000 });
    this.rulesCacheTtlMs = env.int('PRICING_CACHE_TTL_MS', 60_000, { min: 0, max: 3_600_000 });
  }
}

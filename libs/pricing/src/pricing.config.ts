import { EnvReader } from '@congocart/shared';

/** Settings of the pricing context. */
export class PricingConfig {
  /** true: catalog prices include tax (tax is extracted); false (default): tax is added on top. */
  readonly pricesIncludeTax: boolean;
  /** The `standard` method's price while no admin has set one (the flat fee of before shipping methods). */
  readonly standardShippingFeeMinor: number;

  constructor(env: EnvReader = new EnvReader()) {
    this.pricesIncludeTax = env.bool('PRICES_INCLUDE_TAX', false);
    this.standardShippingFeeMinor = env.int('SHIPPING_FEE_MINOR', 499, { min: 0, max: 10_000_000 });
  }
}

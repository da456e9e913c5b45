import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ShippingMethodRepository } from '../application/shipping-method.repository';
import { PricingConfig } from '../pricing.config';

/**
 * SHIPPING_FEE_MINOR keeps meaning what it meant before shipping methods: the `standard`
 * method's price, until an admin sets that price (then the setting is no longer read).
 * One idempotent UPDATE at start-up; instances with the same setting agree.
 */
@Injectable()
export class StandardShippingFeeSync implements OnApplicationBootstrap {
  constructor(
    private readonly methods: ShippingMethodRepository,
    private readonly config: PricingConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.methods.applyConfiguredStandardFee(this.config.standardShippingFeeMinor);
  }
}

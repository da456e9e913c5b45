import { Injectable } from '@nestjs/common';
import { TaxCalculator } from '../application/tax-calculator.port';
import { TaxRateRepository } from '../application/tax-rate.repository';
import type { Destination } from '../domain/destination';
import type { TaxPolicy } from '../domain/pricing-context';
import { ratesAt } from '../domain/tax-rate';
import { PricingConfig } from '../pricing.config';

/** The built-in TaxCalculator: the admin's rate table (one query per destination country). */
@Injectable()
export class RateTableTaxCalculator extends TaxCalculator {
  constructor(
    private readonly rates: TaxRateRepository,
    private readonly config: PricingConfig,
  ) {
    super();
  }

  async policyFor(destination: Destination): Promise<TaxPolicy> {
    const records = await this.rates.findForCountry(destination.country);
    return { pricesIncludeTax: this.config.pricesIncludeTax, ratesByCategory: ratesAt(records, destination) };
  }
}

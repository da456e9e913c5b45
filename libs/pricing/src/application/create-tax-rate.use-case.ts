import { Injectable } from '@nestjs/common';
import { Transactional } from '@congocart/shared';
import type { TaxRateRecord } from '../domain/tax-rate';
import { NewTaxRate, TaxRateRepository } from './tax-rate.repository';

/** One rate per (country, region, category): a second → 409 TAX_RATE_EXISTS. */
@Injectable()
export class CreateTaxRate {
  constructor(private readonly rates: TaxRateRepository) {}

  @Transactional()
  execute(rate: NewTaxRate): Promise<TaxRateRecord> {
    return this.rates.insert(rate);
  }
}

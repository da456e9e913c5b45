import { Injectable } from '@nestjs/common';
import { NotFoundError, Transactional } from '@congocart/shared';
import type { TaxRateRecord } from '../domain/tax-rate';
import { TaxRateChanges, TaxRateRepository } from './tax-rate.repository';

/** Partial change; orders already placed keep the tax they were charged. */
@Injectable()
export class UpdateTaxRate {
  constructor(private readonly rates: TaxRateRepository) {}

  @Transactional()
  async execute(id: string, changes: TaxRateChanges): Promise<TaxRateRecord> {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as TaxRateChanges;
    const updated = await this.rates.update(id, defined);
    if (!updated) throw new NotFoundError('Tax rate');
    return updated;
  }
}

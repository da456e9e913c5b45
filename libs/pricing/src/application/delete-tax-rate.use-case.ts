import { Injectable } from '@nestjs/common';
import { NotFoundError, Transactional } from '@congocart/shared';
import { TaxRateRepository } from './tax-rate.repository';

/** Removes a rate: that destination and category are then taxed at 0. */
@Injectable()
export class DeleteTaxRate {
  constructor(private readonly rates: TaxRateRepository) {}

  @Transactional()
  async execute(id: string): Promise<void> {
    if (!(await this.rates.delete(id))) throw new NotFoundError('Tax rate');
  }
}

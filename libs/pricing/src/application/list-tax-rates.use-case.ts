import { Injectable } from '@nestjs/common';
import { decodeCursor, DEFAULT_PAGE_LIMIT, encodeCursor, Page, toPage } from '@congocart/shared';
import type { TaxRateRecord } from '../domain/tax-rate';
import { TaxRateKey, taxRateKeyOf, TaxRateRepository } from './tax-rate.repository';

/** Every tax rate, by country, region and category; optionally one country's. */
@Injectable()
export class ListTaxRates {
  constructor(private readonly rates: TaxRateRepository) {}

  async execute(query: { limit?: number; cursor?: string; country?: string }): Promise<Page<TaxRateRecord>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const country = query.country ?? null;
    const scope = { list: 'tax-rates', country };
    const after = query.cursor ? (decodeCursor(query.cursor, scope, 3).map(String) as TaxRateKey) : null;
    const rows = await this.rates.list(limit + 1, after, country);
    return toPage(
      rows,
      limit,
      (row) => row,
      (row) => encodeCursor(taxRateKeyOf(row), scope),
    );
  }
}

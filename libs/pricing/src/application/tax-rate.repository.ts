import type { TaxRateRecord } from '../domain/tax-rate';

export type NewTaxRate = Omit<TaxRateRecord, 'id' | 'createdAt' | 'updatedAt'>;
export type TaxRateChanges = Partial<NewTaxRate>;

/** Where a page of rates starts: after this (country, lower-cased region or '', category). */
export type TaxRateKey = [country: string, region: string, taxCategory: string];

/** Storage of tax rates; every method joins the ambient transaction. */
export abstract class TaxRateRepository {
  /** Ordered by country, region (country-wide first), category; optionally one country. */
  abstract list(limit: number, after: TaxRateKey | null, country: string | null): Promise<TaxRateRecord[]>;
  abstract findById(id: string): Promise<TaxRateRecord | null>;
  /** Every rate of the country (country-wide and all its regions). */
  abstract findForCountry(country: string): Promise<TaxRateRecord[]>;
  /** Throws TaxRateExistsError when (country, region, category) already has a rate. */
  abstract insert(rate: NewTaxRate): Promise<TaxRateRecord>;
  abstract update(id: string, changes: TaxRateChanges): Promise<TaxRateRecord | null>;
  /** false when there was no such rate. */
  abstract delete(id: string): Promise<boolean>;
}

export function taxRateKeyOf(rate: TaxRateRecord): TaxRateKey {
  return [rate.country, rate.region?.toLowerCase() ?? '', rate.taxCategory];
}

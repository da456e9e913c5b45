import type { Destination } from './destination';
import type { TaxRate } from './pricing-context';

/** Tax categories are short codes (`standard`, `reduced`, `zero`, …). */
export const TAX_CATEGORY_PATTERN = /^[a-z][a-z0-9_-]*$/;

/** A stored rate: `rate` in basis points (1600 = 16 %); `region` null: the whole country. */
export interface TaxRateRecord {
  id: string;
  country: string;
  region: string | null;
  taxCategory: string;
  rate: number;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The rate per tax category at a destination: a region's own rate beats its country's, per
 * category (so a region with only a standard rate keeps the country's reduced one). Regions
 * compare case-insensitively; rates of other countries or regions are ignored.
 */
export function ratesAt(records: TaxRateRecord[], destination: Destination): Map<string, TaxRate> {
  const region = destination.region?.trim().toLowerCase() || null;
  const countryWide = new Map<string, TaxRate>();
  const regional = new Map<string, TaxRate>();
  for (const record of records) {
    if (record.country !== destination.country) continue;
    const entry = { rate: record.rate, name: record.name };
    if (record.region === null) countryWide.set(record.taxCategory, entry);
    else if (region !== null && record.region.toLowerCase() === region) regional.set(record.taxCategory, entry);
  }
  return new Map([...countryWide, ...regional]);
}

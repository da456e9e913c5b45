import { ratesAt, TaxRateRecord } from './tax-rate';

const at = new Date('2026-01-01T00:00:00Z');
const rate = (country: string, region: string | null, taxCategory: string, value: number): TaxRateRecord => ({
  id: `${country}-${region}-${taxCategory}`,
  country,
  region,
  taxCategory,
  rate: value,
  name: `${country} ${region ?? ''} ${taxCategory}`,
  createdAt: at,
  updatedAt: at,
});

const records = [
  rate('US', null, 'standard', 0),
  rate('US', 'CA', 'standard', 725),
  rate('US', 'NY', 'standard', 400),
  rate('GB', null, 'standard', 2000),
  rate('GB', null, 'reduced', 500),
  rate('GB', 'Northern Ireland', 'standard', 1900),
];

const asObject = (map: Map<string, { rate: number }>) => Object.fromEntries([...map].map(([category, entry]) => [category, entry.rate]));

describe('ratesAt', () => {
  it.each([
    ['a region’s rate beats its country’s', { country: 'US', region: 'CA' }, { standard: 725 }],
    ['regions compare case-insensitively and trimmed', { country: 'US', region: ' ca ' }, { standard: 725 }],
    ['an unknown region falls back to the country', { country: 'US', region: 'TX' }, { standard: 0 }],
    ['no region: the country-wide rates', { country: 'GB', region: null }, { standard: 2000, reduced: 500 }],
    [
      'per category: the region overrides standard, the country’s reduced stays',
      { country: 'GB', region: 'northern ireland' },
      { standard: 1900, reduced: 500 },
    ],
    ['a country without rates has none (taxed at 0)', { country: 'KE', region: null }, {}],
  ])('%s', (_name, destination, expected) => {
    expect(asObject(ratesAt(records, destination))).toEqual(expected);
  });
});

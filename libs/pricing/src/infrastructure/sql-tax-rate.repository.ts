import { Injectable } from '@nestjs/common';
import { prepared, runPrepared, TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { TaxRateExistsError } from '../domain/pricing.errors';
import type { TaxRateRecord } from '../domain/tax-rate';
import { NewTaxRate, TaxRateChanges, TaxRateKey, TaxRateRepository } from '../application/tax-rate.repository';
import { PricingRulesCache } from './pricing-rules.cache';
import { translatingUnique } from './unique-violation';

interface RateRow {
  id: string;
  country: string;
  region: string | null;
  tax_category: string;
  rate: number;
  name: string;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, country, region, tax_category, rate, name, created_at, updated_at';
const FIND_FOR_COUNTRY = prepared(`SELECT ${COLUMNS} FROM tax_rates WHERE country = $1`);
const SORT_KEY = `(country, coalesce(lower(region), ''), tax_category)`;
const FIELD_COLUMNS: Record<keyof TaxRateChanges, string> = {
  country: 'country',
  region: 'region',
  taxCategory: 'tax_category',
  rate: 'rate',
  name: 'name',
};
const UNIQUE = 'tax_rates_destination_key';

/** Tax rates in PostgreSQL, through the ambient transaction. */
@Injectable()
export class SqlTaxRateRepository extends TaxRateRepository {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly rules: PricingRulesCache,
  ) {
    super();
  }

  async list(limit: number, after: TaxRateKey | null, country: string | null): Promise<TaxRateRecord[]> {
    const rows: RateRow[] = await this.txHost.tx.query(
      `SELECT ${COLUMNS} FROM tax_rates
       WHERE ($1::text IS NULL OR country = $1) AND ($2::text IS NULL OR ${SORT_KEY} > ($2::text, $3::text, $4::text))
       ORDER BY ${SORT_KEY} LIMIT $5`,
      [country, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit],
    );
    return rows.map(toRate);
  }

  async findById(id: string): Promise<TaxRateRecord | null> {
    const rows: RateRow[] = await this.txHost.tx.query(`SELECT ${COLUMNS} FROM tax_rates WHERE id = $1`, [id]);
    return rows[0] ? toRate(rows[0]) : null;
  }

  findForCountry(country: string): Promise<TaxRateRecord[]> {
    return this.rules.getOrLoad(`tax-rates:${country}`, async () =>
      (await runPrepared<RateRow[]>(this.txHost.tx, FIND_FOR_COUNTRY, [country])).map(toRate),
    );
  }

  async insert(rate: NewTaxRate): Promise<TaxRateRecord> {
    const rows: RateRow[] = await this.txHost.tx.query(
      `INSERT INTO tax_rates (country, region, tax_category, rate, name) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [rate.country, rate.region, rate.taxCategory, rate.rate, rate.name],
    );
    if (!rows[0]) throw new TaxRateExistsError();
    await this.rules.changed();
    return toRate(rows[0]);
  }

  async update(id: string, changes: TaxRateChanges): Promise<TaxRateRecord | null> {
    const params: unknown[] = [id];
    const assignments = Object.entries(changes).map(([field, value]) => {
      params.push(value);
      return `${FIELD_COLUMNS[field as keyof TaxRateChanges]} = $${params.length}`;
    });
    if (!assignments.length) return this.findById(id);
    const [rows] = (await translatingUnique(
      this.txHost.tx.query(`UPDATE tax_rates SET ${assignments.join(', ')}, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`, params),
      UNIQUE,
      () => new TaxRateExistsError(),
    )) as [RateRow[], number];
    await this.rules.changed();
    return rows[0] ? toRate(rows[0]) : null;
  }

  async delete(id: string): Promise<boolean> {
    const [rows] = (await this.txHost.tx.query(`DELETE FROM tax_rates WHERE id = $1 RETURNING id`, [id])) as [unknown[], number];
    await this.rules.changed();
    return rows.length > 0;
  }
}

function toRate(row: RateRow): TaxRateRecord {
  return {
    id: row.id,
    country: row.country,
    region: row.region,
    taxCategory: row.tax_category,
    rate: row.rate,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

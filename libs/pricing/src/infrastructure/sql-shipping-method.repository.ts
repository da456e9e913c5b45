import { Injectable } from '@nestjs/common';
import { prepared, runPrepared, TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { ShippingCodeTakenError } from '../domain/pricing.errors';
import type { ShippingMethod } from '../domain/shipping-method';
import { NewShippingMethod, ShippingMethodChanges, ShippingMethodRepository } from '../application/shipping-method.repository';
import { PricingRulesCache } from './pricing-rules.cache';
import { translatingUnique } from './unique-violation';

interface MethodRow {
  id: string;
  code: string;
  name: string;
  description: string | null;
  price_amount: string;
  free_over_amount: string | null;
  countries: string[];
  delivery_days_min: number | null;
  delivery_days_max: number | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, code, name, description, price_amount, free_over_amount, countries::text[] AS countries,
  delivery_days_min, delivery_days_max, active, created_at, updated_at`;
const FIND_SERVING = prepared(
  `SELECT ${COLUMNS} FROM shipping_methods WHERE active AND (countries = '{}' OR $1::char(2) = ANY(countries)) ORDER BY code`,
);

/** The column values of a method's fields (deliveryDays spans two columns). */
function columnsOf(fields: ShippingMethodChanges): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (fields.code !== undefined) columns.code = fields.code;
  if (fields.name !== undefined) columns.name = fields.name;
  if (fields.description !== undefined) columns.description = fields.description;
  if (fields.price !== undefined) columns.price_amount = fields.price;
  if (fields.freeOver !== undefined) columns.free_over_amount = fields.freeOver;
  if (fields.countries !== undefined) columns.countries = fields.countries;
  if (fields.deliveryDays !== undefined) {
    columns.delivery_days_min = fields.deliveryDays?.min ?? null;
    columns.delivery_days_max = fields.deliveryDays?.max ?? null;
  }
  if (fields.active !== undefined) columns.active = fields.active;
  return columns;
}

/** Shipping methods in PostgreSQL, through the ambient transaction. */
@Injectable()
export class SqlShippingMethodRepository extends ShippingMethodRepository {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly rules: PricingRulesCache,
  ) {
    super();
  }

  async list(limit: number, after: string | null): Promise<ShippingMethod[]> {
    const rows: MethodRow[] = await this.txHost.tx.query(
      `SELECT ${COLUMNS} FROM shipping_methods WHERE $1::text IS NULL OR code > $1 ORDER BY code LIMIT $2`,
      [after, limit],
    );
    return rows.map(toMethod);
  }

  async findById(id: string): Promise<ShippingMethod | null> {
    const rows: MethodRow[] = await this.txHost.tx.query(`SELECT ${COLUMNS} FROM shipping_methods WHERE id = $1`, [id]);
    return rows[0] ? toMethod(rows[0]) : null;
  }

  findServing(country: string): Promise<ShippingMethod[]> {
    return this.rules.getOrLoad(`shipping-methods:${country}`, async () =>
      (await runPrepared<MethodRow[]>(this.txHost.tx, FIND_SERVING, [country])).map(toMethod),
    );
  }

  async insert(method: NewShippingMethod): Promise<ShippingMethod> {
    const rows: MethodRow[] = await this.txHost.tx.query(
      `INSERT INTO shipping_methods (code, name, description, price_amount, free_over_amount, countries, delivery_days_min, delivery_days_max, active)
       VALUES ($1, $2, $3, $4, $5, $6::char(2)[], $7, $8, $9)
       ON CONFLICT ON CONSTRAINT shipping_methods_code_key DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        method.code,
        method.name,
        method.description,
        method.price,
        method.freeOver,
        method.countries,
        method.deliveryDays?.min ?? null,
        method.deliveryDays?.max ?? null,
        method.active,
      ],
    );
    if (!rows[0]) throw new ShippingCodeTakenError(method.code);
    await this.rules.changed();
    return toMethod(rows[0]);
  }

  async update(id: string, changes: ShippingMethodChanges): Promise<ShippingMethod | null> {
    const columns = columnsOf(changes);
    const params: unknown[] = [id];
    const assignments = Object.entries(columns).map(([column, value]) => {
      params.push(value);
      return `${column} = $${params.length}${column === 'countries' ? '::char(2)[]' : ''}`;
    });
    // An admin's price replaces the SHIPPING_FEE_MINOR the standard method followed until then.
    if ('price_amount' in columns) assignments.push('price_follows_setting = false');
    const sql = assignments.length
      ? `UPDATE shipping_methods SET ${assignments.join(', ')}, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`
      : `SELECT ${COLUMNS} FROM shipping_methods WHERE id = $1`;
    const result: unknown = await translatingUnique(
      this.txHost.tx.query(sql, params),
      'shipping_methods_code_key',
      () => new ShippingCodeTakenError(String(changes.code)),
    );
    // TypeORM answers an UPDATE with [rows, rowCount], a SELECT with its rows.
    const rows = (assignments.length ? (result as [MethodRow[], number])[0] : result) as MethodRow[];
    if (assignments.length) await this.rules.changed();
    return rows[0] ? toMethod(rows[0]) : null;
  }

  async applyConfiguredStandardFee(price: number): Promise<void> {
    await this.txHost.tx.query(
      `UPDATE shipping_methods SET price_amount = $1, updated_at = now() WHERE price_follows_setting AND price_amount <> $1`,
      [price],
    );
  }
}

function toMethod(row: MethodRow): ShippingMethod {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    price: Number(row.price_amount),
    freeOver: row.free_over_amount === null ? null : Number(row.free_over_amount),
    countries: row.countries,
    deliveryDays:
      row.delivery_days_min === null || row.delivery_days_max === null ? null : { min: row.delivery_days_min, max: row.delivery_days_max },
    active: row.active,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

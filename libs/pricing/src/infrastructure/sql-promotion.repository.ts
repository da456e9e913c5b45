import { Injectable } from '@nestjs/common';
import { prepared, runPrepared, TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import type { PromotionKind } from '../domain/pricing-context';
import { PromotionCodeTakenError } from '../domain/pricing.errors';
import type { Promotion } from '../domain/promotion';
import type { PromotionFields } from '../domain/promotion-input';
import { PromotionCursor, PromotionRepository } from '../application/promotion.repository';
import { PricingRulesCache } from './pricing-rules.cache';
import { translatingUnique } from './unique-violation';

interface PromotionRow {
  id: string;
  name: string;
  code: string | null;
  kind: PromotionKind;
  value: string | null;
  min_subtotal_amount: string | null;
  applies_to_product_ids: string[] | null;
  applies_to_category_ids: string[] | null;
  starts_at: Date | null;
  ends_at: Date | null;
  usage_limit: number | null;
  usage_limit_per_customer: number | null;
  times_used: number;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, name, code, kind, value, min_subtotal_amount, applies_to_product_ids::text[] AS applies_to_product_ids,
  applies_to_category_ids::text[] AS applies_to_category_ids, starts_at, ends_at, usage_limit, usage_limit_per_customer,
  times_used, active, created_at, updated_at`;
const CODE_KEY = 'promotions_code_key';
const FIND_BY_CODE = prepared(`SELECT ${COLUMNS} FROM promotions WHERE lower(code) = lower($1)`);
const FIND_AUTOMATIC = prepared(`SELECT ${COLUMNS} FROM promotions WHERE code IS NULL AND active ORDER BY created_at, id`);

/** The values of the writable columns, in the order of FIELD_COLUMNS. */
function valuesOf(fields: PromotionFields): unknown[] {
  return [
    fields.name,
    fields.code,
    fields.kind,
    fields.value,
    fields.minSubtotal,
    fields.appliesTo?.productIds ?? null,
    fields.appliesTo?.categoryIds ?? null,
    fields.startsAt,
    fields.endsAt,
    fields.usageLimit,
    fields.usageLimitPerCustomer,
    fields.active,
  ];
}
const FIELD_COLUMNS = [
  'name',
  'code',
  'kind',
  'value',
  'min_subtotal_amount',
  'applies_to_product_ids',
  'applies_to_category_ids',
  'starts_at',
  'ends_at',
  'usage_limit',
  'usage_limit_per_customer',
  'active',
];
const CASTS: Record<string, string> = { applies_to_product_ids: '::uuid[]', applies_to_category_ids: '::uuid[]' };

/** Promotions in PostgreSQL, through the ambient transaction. */
@Injectable()
export class SqlPromotionRepository extends PromotionRepository {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly rules: PricingRulesCache,
  ) {
    super();
  }

  async list(limit: number, after: PromotionCursor | null): Promise<Promotion[]> {
    const rows: PromotionRow[] = await this.txHost.tx.query(
      `SELECT ${COLUMNS} FROM promotions
       WHERE $1::timestamptz IS NULL OR (created_at, id) < ($1::timestamptz, $2::uuid)
       ORDER BY created_at DESC, id DESC LIMIT $3`,
      [after?.createdAt ?? null, after?.id ?? null, limit],
    );
    return rows.map(toPromotion);
  }

  async findById(id: string, options: { lock?: boolean } = {}): Promise<Promotion | null> {
    const rows: PromotionRow[] = await this.txHost.tx.query(
      `SELECT ${COLUMNS} FROM promotions WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toPromotion(rows[0]) : null;
  }

  findByCode(code: string): Promise<Promotion | null> {
    return this.rules.getOrLoad(`promotion-code:${code.toLowerCase()}`, async () => {
      const rows = await runPrepared<PromotionRow[]>(this.txHost.tx, FIND_BY_CODE, [code]);
      return rows[0] ? toPromotion(rows[0]) : null;
    });
  }

  findAutomatic(): Promise<Promotion[]> {
    return this.rules.getOrLoad('automatic-promotions', async () =>
      (await runPrepared<PromotionRow[]>(this.txHost.tx, FIND_AUTOMATIC)).map(toPromotion),
    );
  }

  async insert(fields: PromotionFields): Promise<Promotion> {
    const placeholders = FIELD_COLUMNS.map((column, index) => `$${index + 1}${CASTS[column] ?? ''}`);
    const rows: PromotionRow[] = await translatingUnique(
      this.txHost.tx.query(
        `INSERT INTO promotions (${FIELD_COLUMNS.join(', ')}) VALUES (${placeholders.join(', ')}) RETURNING ${COLUMNS}`,
        valuesOf(fields),
      ),
      CODE_KEY,
      () => new PromotionCodeTakenError(String(fields.code)),
    );
    await this.rules.changed();
    return toPromotion(rows[0]);
  }

  async update(id: string, fields: PromotionFields): Promise<Promotion> {
    const assignments = FIELD_COLUMNS.map((column, index) => `${column} = $${index + 2}${CASTS[column] ?? ''}`);
    const result: [PromotionRow[], number] = await translatingUnique(
      this.txHost.tx.query(
        `UPDATE promotions SET ${assignments.join(', ')}, updated_at = clock_timestamp() WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, ...valuesOf(fields)],
      ),
      CODE_KEY,
      () => new PromotionCodeTakenError(String(fields.code)),
    );
    await this.rules.changed();
    return toPromotion(result[0][0]);
  }

  async deactivate(id: string): Promise<boolean> {
    const result: [unknown[], number] = await this.txHost.tx.query(
      `UPDATE promotions SET active = false, updated_at = clock_timestamp() WHERE id = $1 RETURNING id`,
      [id],
    );
    await this.rules.changed();
    return result[0].length > 0;
  }

  async customerUses(promotionIds: string[], customerRef: string): Promise<Map<string, number>> {
    if (!promotionIds.length) return new Map();
    const rows: { promotion_id: string; uses: number }[] = await runPrepared(
      this.txHost.tx,
      prepared(`SELECT promotion_id, uses FROM promotion_customer_uses WHERE promotion_id = ANY($1::uuid[]) AND customer_ref = $2`),
      [promotionIds, customerRef],
    );
    return new Map(rows.map((row) => [row.promotion_id, row.uses]));
  }
}

function toPromotion(row: PromotionRow): Promotion {
  const scoped = row.applies_to_product_ids !== null || row.applies_to_category_ids !== null;
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    kind: row.kind,
    value: row.value === null ? null : Number(row.value),
    minSubtotal: row.min_subtotal_amount === null ? null : Number(row.min_subtotal_amount),
    appliesTo: scoped ? { productIds: row.applies_to_product_ids ?? [], categoryIds: row.applies_to_category_ids ?? [] } : null,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    usageLimit: row.usage_limit,
    usageLimitPerCustomer: row.usage_limit_per_customer,
    timesUsed: row.times_used,
    active: row.active,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

import { ValidationFailedError } from '@congocart/shared/kernel';
import { Promotion, promotionIssue, promotionToApply } from './promotion';
import { promotionFields } from './promotion-input';
import type { VariantQuote } from './variant-quote';

const NOW = new Date('2026-06-01T12:00:00Z');

const quote = (variantId: string, productId: string, categoryIds: string[] = []): VariantQuote => ({
  variantId,
  productId,
  productName: 'Tent',
  sku: variantId,
  name: variantId,
  options: {},
  unitPrice: { amount: 1000, currency: 'USD' },
  purchasable: true,
  taxCategory: 'standard',
  categoryIds,
});

const promotion = (overrides: Partial<Promotion> = {}): Promotion => ({
  id: 'p',
  name: 'Ten',
  code: 'TEN',
  kind: 'percentage',
  value: 1000,
  minSubtotal: null,
  appliesTo: null,
  startsAt: null,
  endsAt: null,
  usageLimit: null,
  usageLimitPerCustomer: null,
  timesUsed: 0,
  active: true,
  createdAt: new Date('2026-01-01'),
  updatedAt: new Date('2026-01-01'),
  ...overrides,
});

// A tent in category "pegs", a sub-category of "tents", itself under "outdoor"; a pan in "kitchen".
const tent = quote('tent-v', 'tent', ['pegs', 'tents', 'outdoor']);
const pan = quote('pan-v', 'pan', ['kitchen']);
const facts = { now: NOW, subtotal: 2000, quotes: [tent, pan], customerUses: 0 };

describe('promotionIssue', () => {
  it.each<[string, Partial<Promotion>, Partial<typeof facts>]>([
    ['inactive', { active: false }, {}],
    ['not_started', { startsAt: new Date('2026-06-01T12:00:01Z') }, {}],
    ['expired', { endsAt: NOW }, {}],
    ['exhausted', { usageLimit: 3, timesUsed: 3 }, {}],
    ['already_used', { usageLimitPerCustomer: 2 }, { customerUses: 2 }],
    ['min_subtotal_not_met', { minSubtotal: 2001 }, {}],
    ['not_applicable', { appliesTo: { productIds: ['other'], categoryIds: ['garden'] } }, {}],
    ['not_applicable', {}, { quotes: [] }],
  ])('%s', (reason, overrides, factOverrides) => {
    expect(promotionIssue(promotion(overrides), { ...facts, ...factOverrides })).toBe(reason);
  });

  it('holds on its boundaries: from startsAt, before endsAt, at the minimum, below the limits', () => {
    const holding = promotion({
      startsAt: NOW,
      endsAt: new Date('2026-06-01T12:00:00.001Z'),
      minSubtotal: 2000,
      usageLimit: 3,
      timesUsed: 2,
      usageLimitPerCustomer: 2,
    });
    expect(promotionIssue(holding, { ...facts, customerUses: 1 })).toBeNull();
  });
});

describe('promotionToApply', () => {
  it('scopes to categories with their sub-categories, and to products', () => {
    expect([...promotionToApply(promotion({ appliesTo: { productIds: [], categoryIds: ['outdoor'] } }), [tent, pan]).variantIds!]).toEqual([
      'tent-v',
    ]);
    expect([
      ...promotionToApply(promotion({ appliesTo: { productIds: ['pan'], categoryIds: ['tents'] } }), [tent, pan]).variantIds!,
    ]).toEqual(['tent-v', 'pan-v']);
    expect(promotionToApply(promotion(), [tent, pan]).variantIds).toBeNull();
  });

  it('takes free shipping with value 0', () => {
    expect(promotionToApply(promotion({ kind: 'free_shipping', value: null }), [tent])).toMatchObject({ kind: 'free_shipping', value: 0 });
  });
});

describe('promotionFields', () => {
  const fieldsOf = (error: unknown) => (error as ValidationFailedError).errors.map((e) => e.field);
  const refused = (run: () => unknown): string[] => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailedError);
      return fieldsOf(error);
    }
    throw new Error('accepted');
  };

  it('takes a whole new promotion, scope de-duplicated and sorted, an empty scope as none', () => {
    const fields = promotionFields(
      { name: 'Five off', kind: 'fixed_amount', value: { amount: 500, currency: 'USD' }, appliesTo: { categoryIds: ['b', 'a', 'b'] } },
      null,
      'USD',
    );
    expect(fields).toMatchObject({
      kind: 'fixed_amount',
      value: 500,
      appliesTo: { productIds: [], categoryIds: ['a', 'b'] },
      active: true,
    });
    expect(promotionFields({ name: 'x', kind: 'free_shipping', appliesTo: {} }, null, 'USD').appliesTo).toBeNull();
  });

  it('refuses a value that does not fit the kind, another currency, and endsAt not after startsAt', () => {
    expect(refused(() => promotionFields({ name: 'x', kind: 'percentage' }, null, 'USD'))).toEqual(['value']);
    expect(refused(() => promotionFields({ name: 'x', kind: 'fixed_amount', value: 5 }, null, 'USD'))).toEqual(['value']);
    expect(refused(() => promotionFields({ name: 'x', kind: 'fixed_amount', value: { amount: 5, currency: 'EUR' } }, null, 'USD'))).toEqual(
      ['value.currency'],
    );
    expect(refused(() => promotionFields({ name: 'x', kind: 'free_shipping', value: 5 }, null, 'USD'))).toEqual(['value']);
    expect(
      refused(() =>
        promotionFields(
          { name: 'x', kind: 'free_shipping', startsAt: '2026-01-02T00:00:00Z', endsAt: '2026-01-01T00:00:00Z' },
          null,
          'USD',
        ),
      ),
    ).toEqual(['endsAt']);
  });

  it('checks a change against the current promotion: a new kind needs its value; unchanged fields stay', () => {
    const current = promotionFields({ name: 'Ten', code: 'TEN', kind: 'percentage', value: 1000, usageLimit: 5 }, null, 'USD');
    expect(refused(() => promotionFields({ kind: 'fixed_amount' }, current, 'USD'))).toEqual(['value']);
    expect(promotionFields({ name: 'Eleven', value: 1100 }, current, 'USD')).toMatchObject({
      name: 'Eleven',
      code: 'TEN',
      value: 1100,
      usageLimit: 5,
    });
    expect(promotionFields({ usageLimit: null, code: null }, current, 'USD')).toMatchObject({ usageLimit: null, code: null, value: 1000 });
  });
});

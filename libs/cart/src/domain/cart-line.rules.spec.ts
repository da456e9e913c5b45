import type { VariantQuote } from '@congocart/pricing/pure';
import type { CartLine, VariantFacts } from './cart-line';
import { checkAddition, checkQuantityChange, planMerge } from './cart-line.rules';
import {
  CartFullError,
  LineExceedsStockError,
  LineQuantityLimitError,
  VariantNotFoundError,
  VariantUnavailableError,
} from './cart-rule.errors';

const offer = (variantId: string, overrides: Partial<VariantQuote> = {}): VariantQuote => ({
  variantId,
  productId: 'p',
  productName: 'Shirt',
  sku: `SKU-${variantId}`,
  name: variantId,
  options: {},
  unitPrice: { amount: 1000, currency: 'USD' },
  purchasable: true,
  taxCategory: 'standard',
  categoryIds: [],
  ...overrides,
});

const facts = (entries: [VariantQuote, number][]): VariantFacts => ({
  quotes: new Map(entries.map(([o]) => [o.variantId, o])),
  available: new Map(entries.map(([o, available]) => [o.variantId, available])),
});

const line = (variantId: string, quantity: number, seenUnitPrice = 1000): CartLine => ({
  id: `line-${variantId}`,
  variantId,
  quantity,
  seenUnitPrice,
});

describe('checkAddition', () => {
  it('returns the line quantity after adding to an existing line', () => {
    expect(checkAddition([line('a', 2)], 'a', 3, facts([[offer('a'), 10]]))).toBe(5);
  });

  it('refuses a variant the catalog does not know', () => {
    expect(() => checkAddition([], 'a', 1, facts([]))).toThrow(VariantNotFoundError);
  });

  it('refuses a variant that is not for sale', () => {
    expect(() => checkAddition([], 'a', 1, facts([[offer('a', { purchasable: false }), 10]]))).toThrow(VariantUnavailableError);
  });

  it('refuses a 101st line but still adds to an existing line of a full cart', () => {
    const lines = Array.from({ length: 100 }, (_, i) => line(`v${i}`, 1));
    const known = facts([...lines.map((l) => [offer(l.variantId), 50] as [VariantQuote, number]), [offer('new'), 50]]);
    expect(() => checkAddition(lines, 'new', 1, known)).toThrow(CartFullError);
    expect(checkAddition(lines, 'v0', 1, known)).toBe(2);
  });

  it('refuses a line beyond 99 units even when stock allows it', () => {
    expect(() => checkAddition([line('a', 98)], 'a', 2, facts([[offer('a'), 1000]]))).toThrow(LineQuantityLimitError);
  });

  it('refuses a line beyond what is available and says how many are', () => {
    try {
      checkAddition([line('a', 3)], 'a', 2, facts([[offer('a'), 4]]));
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(LineExceedsStockError);
      expect((error as LineExceedsStockError).extensions).toEqual({ variantId: 'a', requested: 5, available: 4 });
    }
  });
});

describe('checkQuantityChange', () => {
  it('accepts a quantity up to what is available', () => {
    expect(() => checkQuantityChange(line('a', 1), 4, facts([[offer('a'), 4]]))).not.toThrow();
  });

  it('refuses more than is available', () => {
    expect(() => checkQuantityChange(line('a', 1), 5, facts([[offer('a'), 4]]))).toThrow(LineExceedsStockError);
  });

  it('refuses changes to a line whose variant is no longer for sale', () => {
    expect(() => checkQuantityChange(line('a', 1), 1, facts([[offer('a', { purchasable: false }), 4]]))).toThrow(VariantUnavailableError);
  });
});

describe('planMerge', () => {
  it('adds quantities and reports lines capped by stock and by the 99-unit limit', () => {
    const known = facts([
      [offer('a'), 10],
      [offer('b'), 500],
      [offer('c'), 3],
    ]);
    const plan = planMerge([line('a', 4), line('b', 90)], [line('a', 5), line('b', 20), line('c', 5)], known);
    expect(plan.additions).toEqual([
      { variantId: 'a', quantity: 5, unitPrice: 1000 },
      { variantId: 'b', quantity: 9, unitPrice: 1000 },
      { variantId: 'c', quantity: 3, unitPrice: 1000 },
    ]);
    expect(plan.capped).toEqual([
      { variantId: 'b', requested: 20, added: 9 },
      { variantId: 'c', requested: 5, added: 3 },
    ]);
  });

  it('drops variants no longer for sale or unknown, and never lowers an existing line', () => {
    const known = facts([
      [offer('a', { purchasable: false }), 10],
      [offer('b'), 2],
    ]);
    const plan = planMerge([line('b', 5)], [line('a', 1), line('b', 1), line('gone', 2)], known);
    expect(plan.additions).toEqual([]);
    expect(plan.capped).toEqual([
      { variantId: 'a', requested: 1, added: 0 },
      { variantId: 'b', requested: 1, added: 0 },
      { variantId: 'gone', requested: 2, added: 0 },
    ]);
  });

  it('stops adding new lines once the cart holds 100', () => {
    const target = Array.from({ length: 99 }, (_, i) => line(`v${i}`, 1));
    const known = facts([
      [offer('x'), 5],
      [offer('y'), 5],
    ]);
    const plan = planMerge(target, [line('x', 1), line('y', 1)], known);
    expect(plan.additions.map((a) => a.variantId)).toEqual(['x']);
    expect(plan.capped).toEqual([{ variantId: 'y', requested: 1, added: 0 }]);
  });
});

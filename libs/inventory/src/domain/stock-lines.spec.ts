import { InvalidStockLineError } from './stock-errors';
import { MAX_LINE_QUANTITY, normaliseStockLines } from './stock-lines';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

describe('normaliseStockLines', () => {
  it('merges duplicate variants by adding their quantities', () => {
    expect(
      normaliseStockLines([
        { variantId: A, quantity: 2 },
        { variantId: B, quantity: 1 },
        { variantId: A, quantity: 3 },
      ]),
    ).toEqual([
      { variantId: A, quantity: 5 },
      { variantId: B, quantity: 1 },
    ]);
  });

  it('orders lines by variantId so every caller locks rows in the same order', () => {
    const lines = normaliseStockLines([
      { variantId: C, quantity: 1 },
      { variantId: A, quantity: 1 },
      { variantId: B, quantity: 1 },
    ]);
    expect(lines.map((line) => line.variantId)).toEqual([A, B, C]);
  });

  it('treats ids that differ only in case as the same variant', () => {
    expect(
      normaliseStockLines([
        { variantId: A.toUpperCase(), quantity: 1 },
        { variantId: A, quantity: 1 },
      ]),
    ).toEqual([{ variantId: A, quantity: 2 }]);
  });

  it('accepts an empty call', () => {
    expect(normaliseStockLines([])).toEqual([]);
  });

  it.each([0, -1, 1.5, Number.NaN, Infinity])('refuses quantity %p', (quantity) => {
    expect(() => normaliseStockLines([{ variantId: A, quantity }])).toThrow(InvalidStockLineError);
  });

  it('refuses a variantId that is not a UUID', () => {
    expect(() => normaliseStockLines([{ variantId: 'sku-1', quantity: 1 }])).toThrow(InvalidStockLineError);
  });

  it('refuses a merged quantity above the line limit', () => {
    expect(() => normaliseStockLines([{ variantId: A, quantity: MAX_LINE_QUANTITY }])).not.toThrow();
    expect(() =>
      normaliseStockLines([
        { variantId: A, quantity: MAX_LINE_QUANTITY },
        { variantId: A, quantity: 1 },
      ]),
    ).toThrow(InvalidStockLineError);
  });
});

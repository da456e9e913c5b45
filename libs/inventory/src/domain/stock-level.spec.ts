import { inStockFlips } from './stock-level';

describe('inStockFlips', () => {
  it.each([
    [5, 3, false],
    [3, 0, true],
    [0, 0, false],
    [0, 1, true],
    [2, 7, false],
    [1, -1, true], // never stored, but a negative is as out of stock as 0
  ])('from %i to %i available: %s', (before, after, flips) => {
    expect(inStockFlips(before, after)).toBe(flips);
  });
});

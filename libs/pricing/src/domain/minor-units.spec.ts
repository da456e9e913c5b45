import { allocate, mulDivHalfUp } from './minor-units';

describe('mulDivHalfUp', () => {
  it.each([
    [1255, 1000, 10_000, 126],
    [1254, 1000, 10_000, 125],
    [1160, 1600, 11_600, 160],
    [0, 1600, 10_000, 0],
    [989_999_999_901, 9999, 10_000, 989_900_999_901],
  ])('%d × %d / %d = %d', (value, numerator, denominator, expected) => {
    expect(mulDivHalfUp(value, numerator, denominator)).toBe(expected);
  });
});

describe('allocate', () => {
  it.each([
    { amount: 167, weights: [333, 1000, 333], expected: [33, 101, 33] },
    { amount: 2, weights: [1, 1, 1], expected: [1, 1, 0] },
    { amount: 1, weights: [1, 1, 1], expected: [1, 0, 0] },
    { amount: 3, weights: [1, 1, 1], expected: [1, 1, 1] },
    { amount: 0, weights: [5, 5], expected: [0, 0] },
    { amount: 10, weights: [0, 10], expected: [0, 10] },
    { amount: 0, weights: [], expected: [] },
  ])('splits $amount over $weights', ({ amount, weights, expected }) => {
    const shares = allocate(amount, weights);
    expect(shares).toEqual(expected);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
    shares.forEach((share, index) => expect(share).toBeLessThanOrEqual(weights[index]));
  });
});

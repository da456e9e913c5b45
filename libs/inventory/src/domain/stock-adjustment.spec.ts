import { adjustmentRefusal, canAdjust } from './stock-adjustment';
import { StockBelowReservedError, StockLimitExceededError } from './stock-errors';
import { MAX_ON_HAND, stockLevel } from './stock-level';

const level = stockLevel('00000000-0000-4000-8000-000000000001', 10, 4);

describe('stock adjustments', () => {
  it('computes available as on hand minus reserved', () => {
    expect(level.available).toBe(6);
  });

  it('allows on hand to fall exactly to the reserved units', () => {
    expect(canAdjust(level, -6)).toBe(true);
  });

  it('refuses to take on hand below the reserved units', () => {
    expect(canAdjust(level, -7)).toBe(false);
    const refusal = adjustmentRefusal(level, -7);
    expect(refusal).toBeInstanceOf(StockBelowReservedError);
    expect(refusal).toMatchObject({ code: 'STOCK_BELOW_RESERVED', status: 409, extensions: { onHand: 10, reserved: 4, delta: -7 } });
  });

  it('refuses to take on hand below zero when nothing is reserved', () => {
    const empty = stockLevel(level.variantId, 3, 0);
    expect(canAdjust(empty, -4)).toBe(false);
    expect(adjustmentRefusal(empty, -4)).toBeInstanceOf(StockBelowReservedError);
  });

  it('refuses to count beyond the storable maximum', () => {
    const full = stockLevel(level.variantId, MAX_ON_HAND - 1, 0);
    expect(canAdjust(full, 1)).toBe(true);
    expect(canAdjust(full, 2)).toBe(false);
    expect(adjustmentRefusal(full, 2)).toBeInstanceOf(StockLimitExceededError);
  });

  it('refuses a zero adjustment', () => {
    expect(canAdjust(level, 0)).toBe(false);
  });
});

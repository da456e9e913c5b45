import { OrderTotalTooLargeError, VariantUnavailableError } from './ordering.errors';
import { priceLines, totalsOf, VariantQuote } from './order-pricing';

const quote = (variantId: string, amount: number, extra: Partial<VariantQuote> = {}): VariantQuote => ({
  variantId,
  productId: `p-${variantId}`,
  productName: 'Tee',
  sku: `SKU-${variantId}`,
  name: 'M / Red',
  options: { size: 'M' },
  price: { amount, currency: 'USD' },
  sellable: true,
  ...extra,
});

describe('order pricing', () => {
  it('snapshots the current price and multiplies it by the quantity', () => {
    const lines = priceLines([{ variantId: 'a', quantity: 3 }], new Map([['a', quote('a', 1999)]]), 'USD');
    expect(lines).toEqual([
      {
        variantId: 'a',
        productId: 'p-a',
        sku: 'SKU-a',
        productName: 'Tee',
        variantName: 'M / Red',
        options: { size: 'M' },
        unitPrice: 1999,
        quantity: 3,
        lineTotal: 5997,
      },
    ]);
  });

  it('merges repeated lines of one variant', () => {
    const lines = priceLines(
      [
        { variantId: 'a', quantity: 1 },
        { variantId: 'a', quantity: 2 },
      ],
      new Map([['a', quote('a', 100)]]),
      'USD',
    );
    expect(lines.map((l) => [l.variantId, l.quantity, l.lineTotal])).toEqual([['a', 3, 300]]);
  });

  it('names every variant that is gone, unsellable or in another currency', () => {
    const quotes = new Map([
      ['b', quote('b', 100, { sellable: false })],
      ['c', quote('c', 100, { price: { amount: 100, currency: 'EUR' } })],
      ['d', quote('d', 100)],
    ]);
    expect(() =>
      priceLines(
        ['a', 'b', 'c', 'd'].map((variantId) => ({ variantId, quantity: 1 })),
        quotes,
        'USD',
      ),
    ).toThrow(VariantUnavailableError);
    try {
      priceLines(
        ['a', 'b', 'c', 'd'].map((variantId) => ({ variantId, quantity: 1 })),
        quotes,
        'USD',
      );
    } catch (error) {
      expect((error as VariantUnavailableError).extensions).toEqual({ variantIds: ['a', 'b', 'c'] });
    }
  });

  it('adds the shipping fee to the subtotal in integer minor units', () => {
    const lines = priceLines(
      [
        { variantId: 'a', quantity: 2 },
        { variantId: 'b', quantity: 1 },
      ],
      new Map([
        ['a', quote('a', 1050)],
        ['b', quote('b', 1)],
      ]),
      'USD',
    );
    expect(totalsOf(lines, 499)).toEqual({ subtotal: 2101, shippingFee: 499, total: 2600 });
  });

  it('refuses totals beyond the money range', () => {
    expect(() => priceLines([{ variantId: 'a', quantity: 99 }], new Map([['a', quote('a', 9_000_000_000)]]), 'USD')).toThrow(
      OrderTotalTooLargeError,
    );
  });
});

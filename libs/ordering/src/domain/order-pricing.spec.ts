import { plainPricing, priceOrder, VariantQuote } from '@congocart/pricing/pure';
import { OrderTotalTooLargeError, VariantUnavailableError } from './ordering.errors';
import { orderPricingOf, purchasableLines } from './order-pricing';

const quote = (variantId: string, amount: number, extra: Partial<VariantQuote> = {}): VariantQuote => ({
  variantId,
  productId: `p-${variantId}`,
  productName: 'Tee',
  sku: `SKU-${variantId}`,
  name: 'M / Red',
  options: { size: 'M' },
  unitPrice: { amount, currency: 'USD' },
  purchasable: true,
  taxCategory: 'standard',
  categoryIds: [],
  ...extra,
});

const snapshot = (lines: { variantId: string; quantity: number }[], quotes: Map<string, VariantQuote>, shippingFee = 0) =>
  orderPricingOf(
    priceOrder({
      lines: purchasableLines(lines, quotes, 'USD'),
      quotes,
      context: plainPricing('USD', { price: shippingFee, freeOver: null }),
    }),
  );

describe('order pricing', () => {
  it('snapshots the current price and multiplies it by the quantity', () => {
    const { lines } = snapshot([{ variantId: 'a', quantity: 3 }], new Map([['a', quote('a', 1999)]]));
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
        discountAmount: 0,
        taxAmount: 0,
        taxRate: 0,
      },
    ]);
  });

  it('merges repeated lines of one variant', () => {
    const lines = purchasableLines(
      [
        { variantId: 'a', quantity: 1 },
        { variantId: 'a', quantity: 2 },
      ],
      new Map([['a', quote('a', 100)]]),
      'USD',
    );
    expect(lines).toEqual([{ variantId: 'a', quantity: 3 }]);
  });

  it('names every variant that is gone, unsellable or in another currency', () => {
    const quotes = new Map([
      ['b', quote('b', 100, { purchasable: false })],
      ['c', quote('c', 100, { unitPrice: { amount: 100, currency: 'EUR' } })],
      ['d', quote('d', 100)],
    ]);
    const lines = ['a', 'b', 'c', 'd'].map((variantId) => ({ variantId, quantity: 1 }));
    expect(() => purchasableLines(lines, quotes, 'USD')).toThrow(VariantUnavailableError);
    try {
      purchasableLines(lines, quotes, 'USD');
    } catch (error) {
      expect((error as VariantUnavailableError).extensions).toEqual({ variantIds: ['a', 'b', 'c'] });
    }
  });

  it('adds the shipping fee to the subtotal in integer minor units', () => {
    const { totals } = snapshot(
      [
        { variantId: 'a', quantity: 2 },
        { variantId: 'b', quantity: 1 },
      ],
      new Map([
        ['a', quote('a', 1050)],
        ['b', quote('b', 1)],
      ]),
      499,
    );
    expect(totals).toMatchObject({ subtotal: 2101, discountTotal: 0, shippingFee: 499, taxTotal: 0, total: 2600, taxLines: [] });
  });

  it('refuses totals beyond the money range', () => {
    expect(() => snapshot([{ variantId: 'a', quantity: 99 }], new Map([['a', quote('a', 9_000_000_000)]]))).toThrow(
      OrderTotalTooLargeError,
    );
  });

  it('keeps the tax per line, the tax lines and the method it was shipped with', () => {
    const quotes = new Map([['a', quote('a', 1000)]]);
    const breakdown = priceOrder({
      lines: purchasableLines([{ variantId: 'a', quantity: 2 }], quotes, 'USD'),
      quotes,
      context: {
        ...plainPricing('USD', { price: 500, freeOver: null }),
        tax: { pricesIncludeTax: false, ratesByCategory: new Map([['standard', { rate: 2000, name: 'VAT 20 %' }]]) },
      },
    });
    const method = { id: 'm', code: 'express', name: 'Express' };
    const { lines, totals } = orderPricingOf(breakdown, { method, pricesIncludeTax: false });
    expect(lines[0]).toMatchObject({ taxAmount: 400, taxRate: 2000, discountAmount: 0 });
    expect(totals).toMatchObject({
      shippingFee: 500,
      taxTotal: 500,
      total: 3000,
      shippingMethod: method,
      taxLines: [{ name: 'VAT 20 %', rate: 2000, taxCategory: 'standard', amount: 500 }],
    });
  });
});

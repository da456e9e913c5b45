import { plainPricing, priceOrder, VariantQuote } from '@congocart/pricing/pure';
import type { CartLine, VariantFacts } from './cart-line';
import { cartQuotes, CartView, cartView } from './cart-view';

/** The cart without a destination, priced as CartPricing does. */
function priceCart(cart: { id: string; updatedAt: Date }, lines: CartLine[], facts: VariantFacts, currency: string): CartView {
  const breakdown = priceOrder({ lines, quotes: cartQuotes(lines, facts, currency), context: plainPricing(currency) });
  return cartView({ ...cart, shippingCountry: null, shippingRegion: null }, lines, facts, breakdown, false);
}

const updatedAt = new Date('2026-11-24T10:00:00.000Z');

describe('priceCart', () => {
  const facts: VariantFacts = {
    quotes: new Map<string, VariantQuote>([
      [
        'a',
        {
          variantId: 'a',
          productId: 'p1',
          productName: 'Shirt',
          sku: 'A',
          name: 'M',
          options: { size: 'M' },
          unitPrice: { amount: 1500, currency: 'USD' },
          purchasable: true,
          taxCategory: 'standard',
          categoryIds: [],
        },
      ],
      [
        'b',
        {
          variantId: 'b',
          productId: 'p2',
          productName: 'Hat',
          sku: 'B',
          name: 'One size',
          options: {},
          unitPrice: { amount: 700, currency: 'USD' },
          purchasable: false,
          taxCategory: 'standard',
          categoryIds: [],
        },
      ],
    ]),
    available: new Map([
      ['a', 8],
      ['b', 0],
    ]),
  };
  const lines: CartLine[] = [
    { id: 'l1', variantId: 'a', quantity: 2, seenUnitPrice: 1200 },
    { id: 'l2', variantId: 'b', quantity: 3, seenUnitPrice: 700 },
  ];

  it('prices every line at the current catalog price and totals the cart', () => {
    const view = priceCart({ id: 'c', updatedAt }, lines, facts, 'USD');
    expect(view).toMatchObject({
      id: 'c',
      itemCount: 5,
      subtotal: { amount: 2 * 1500 + 3 * 700, currency: 'USD' },
      currency: 'USD',
      updatedAt,
    });
    expect(view.items[0]).toMatchObject({
      unitPrice: { amount: 1500, currency: 'USD' },
      lineTotal: { amount: 3000, currency: 'USD' },
      available: 8,
    });
  });

  it('flags a line whose price changed since the shopper saw it', () => {
    const [changed, unchanged] = priceCart({ id: 'c', updatedAt }, lines, facts, 'USD').items;
    expect(changed.priceChanged).toBe(true);
    expect(unchanged.priceChanged).toBe(false);
  });

  it('marks variants no longer for sale, or unknown to the catalog, as not purchasable', () => {
    const withGone = [...lines, { id: 'l3', variantId: 'gone', quantity: 1, seenUnitPrice: 300 }];
    const items = priceCart({ id: 'c', updatedAt }, withGone, facts, 'USD').items;
    expect(items.map((item) => item.purchasable)).toEqual([true, false, false]);
    expect(items[2]).toMatchObject({ unitPrice: { amount: 300, currency: 'USD' }, available: 0, priceChanged: false });
  });

  it('is an empty cart with a zero subtotal when there are no lines', () => {
    expect(priceCart({ id: 'c', updatedAt }, [], { quotes: new Map(), available: new Map() }, 'USD')).toMatchObject({
      items: [],
      itemCount: 0,
      subtotal: { amount: 0, currency: 'USD' },
    });
  });

  it('shows no estimate without a destination, and the breakdown’s shipping, tax and total with one', () => {
    expect(priceCart({ id: 'c', updatedAt }, lines, facts, 'USD')).toMatchObject({ shippingCountry: null, estimate: null, discounts: [] });
    const context = {
      ...plainPricing('USD', { price: 499, freeOver: null }),
      tax: { pricesIncludeTax: false, ratesByCategory: new Map([['standard', { rate: 1600, name: 'VAT' }]]) },
    };
    const breakdown = priceOrder({ lines, quotes: cartQuotes(lines, facts, 'USD'), context });
    const view = cartView({ id: 'c', updatedAt, shippingCountry: 'KE', shippingRegion: null }, lines, facts, breakdown, true);
    expect(view.estimate).toEqual({
      shippingFee: { amount: 499, currency: 'USD' },
      taxTotal: { amount: breakdown.taxTotal, currency: 'USD' },
      total: { amount: 5100 + 499 + breakdown.taxTotal, currency: 'USD' },
    });
    expect(breakdown.taxTotal).toBe(816 + 80);
  });
});

import type { PriceBreakdown } from './price-breakdown';
import { plainPricing, PricingContext, PromotionToApply, TaxRate } from './pricing-context';
import { priceOrder } from './price-order';
import type { VariantQuote } from './variant-quote';

const quote = (variantId: string, amount: number, taxCategory = 'standard'): VariantQuote => ({
  variantId,
  productId: `p-${variantId}`,
  productName: 'Tee',
  sku: `SKU-${variantId}`,
  name: variantId,
  options: {},
  unitPrice: { amount, currency: 'USD' },
  purchasable: true,
  taxCategory,
  categoryIds: [],
});

const promotion = (kind: PromotionToApply['kind'], value: number, extra: Partial<PromotionToApply> = {}): PromotionToApply => ({
  promotionId: `${kind}-${value}`,
  code: null,
  name: `${kind} ${value}`,
  kind,
  value,
  variantIds: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  ...extra,
});

const rates = (entries: Record<string, number>): Map<string, TaxRate> =>
  new Map(Object.entries(entries).map(([category, rate]) => [category, { rate, name: `${category} ${rate / 100} %` }]));

const context = (overrides: Partial<PricingContext> = {}): PricingContext => ({ ...plainPricing('USD'), ...overrides });

/** The invariants every breakdown keeps, whatever the case. */
function expectAddsUp(breakdown: PriceBreakdown, pricesIncludeTax: boolean): void {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  for (const line of breakdown.lines) {
    expect(line.lineTotal).toBe(line.unitPrice * line.quantity);
    expect(line.discountAmount).toBeGreaterThanOrEqual(0);
    expect(line.discountAmount).toBeLessThanOrEqual(line.lineTotal);
  }
  expect(breakdown.subtotal).toBe(sum(breakdown.lines.map((line) => line.lineTotal)));
  expect(breakdown.discountTotal).toBe(sum(breakdown.lines.map((line) => line.discountAmount)));
  expect(breakdown.discountTotal).toBe(sum(breakdown.discounts.filter((d) => d.kind !== 'free_shipping').map((d) => d.amount)));
  expect(breakdown.taxTotal).toBe(sum(breakdown.taxLines.map((line) => line.amount)));
  expect(breakdown.taxTotal).toBe(sum(breakdown.lines.map((line) => line.taxAmount)) + breakdown.shippingTaxAmount);
  const net = breakdown.subtotal - breakdown.discountTotal + breakdown.shippingFee;
  expect(breakdown.total).toBe(pricesIncludeTax ? net : net + breakdown.taxTotal);
  for (const amount of [breakdown.subtotal, breakdown.total, breakdown.taxTotal]) expect(Number.isSafeInteger(amount)).toBe(true);
}

interface Case {
  name: string;
  lines: [string, number, number, string?][]; // variantId, unit price, quantity, tax category
  context?: Partial<PricingContext>;
  expected: {
    lines?: { lineTotal?: number; discountAmount?: number; taxAmount?: number; taxRate?: number }[];
    subtotal?: number;
    discounts?: { kind: string; amount: number }[];
    discountTotal?: number;
    shippingFee?: number;
    taxLines?: { taxCategory: string; rate: number; amount: number }[];
    taxTotal?: number;
    total: number;
  };
}

const cases: Case[] = [
  {
    name: 'no lines: everything is zero',
    lines: [],
    expected: { subtotal: 0, discounts: [], discountTotal: 0, shippingFee: 0, taxLines: [], taxTotal: 0, total: 0 },
  },
  {
    name: 'line totals add up to the subtotal; no shipping without a method',
    lines: [
      ['a', 1999, 3],
      ['b', 1, 1],
    ],
    expected: { lines: [{ lineTotal: 5997 }, { lineTotal: 1 }], subtotal: 5998, shippingFee: 0, total: 5998 },
  },
  {
    name: 'a flat shipping fee is added',
    lines: [['a', 1050, 2]],
    context: { shipping: { price: 499, freeOver: null } },
    expected: { subtotal: 2100, shippingFee: 499, total: 2599 },
  },
  {
    name: 'shipping is free when the subtotal reaches freeOver',
    lines: [['a', 2500, 2]],
    context: { shipping: { price: 499, freeOver: 5000 } },
    expected: { shippingFee: 0, total: 5000 },
  },
  {
    name: 'freeOver compares with the subtotal after discounts',
    lines: [['a', 2500, 2]],
    context: { shipping: { price: 499, freeOver: 5000 }, promotions: [promotion('fixed_amount', 1)] },
    expected: { discountTotal: 1, shippingFee: 499, total: 5498 },
  },
  {
    name: 'exclusive tax: half-up per line, shipping taxed at the standard rate and joining its line',
    lines: [
      ['a', 1255, 1],
      ['b', 1005, 1, 'reduced'],
      ['c', 999, 1, 'zero'],
    ],
    context: {
      shipping: { price: 500, freeOver: null },
      tax: { pricesIncludeTax: false, ratesByCategory: rates({ standard: 1000, reduced: 500 }) },
    },
    expected: {
      lines: [
        { taxAmount: 126, taxRate: 1000 },
        { taxAmount: 50, taxRate: 500 },
        { taxAmount: 0, taxRate: 0 },
      ],
      taxLines: [
        { taxCategory: 'standard', rate: 1000, amount: 126 + 50 },
        { taxCategory: 'reduced', rate: 500, amount: 50 },
      ],
      taxTotal: 226,
      total: 1255 + 1005 + 999 + 500 + 226,
    },
  },
  {
    name: 'inclusive tax is the part of the total that is tax',
    lines: [['a', 1160, 1]],
    context: { shipping: { price: 116, freeOver: null }, tax: { pricesIncludeTax: true, ratesByCategory: rates({ standard: 1600 }) } },
    expected: { lines: [{ taxAmount: 160 }], taxTotal: 176, total: 1276 },
  },
  {
    name: 'percentage: rounded half-up on the whole, allocated by line, the remainder to the largest line',
    lines: [
      ['a', 333, 1],
      ['b', 1000, 1],
      ['c', 333, 1],
    ],
    context: { promotions: [promotion('percentage', 1000)] },
    expected: {
      lines: [{ discountAmount: 33 }, { discountAmount: 101 }, { discountAmount: 33 }],
      discounts: [{ kind: 'percentage', amount: 167 }],
      discountTotal: 167,
      total: 1666 - 167,
    },
  },
  {
    name: 'percentages compound, then fixed amounts are capped by what is left, whatever the given order',
    lines: [['a', 1000, 1]],
    context: { promotions: [promotion('fixed_amount', 10_000), promotion('percentage', 5000), promotion('percentage', 5000)] },
    expected: {
      discounts: [
        { kind: 'percentage', amount: 500 },
        { kind: 'percentage', amount: 250 },
        { kind: 'fixed_amount', amount: 250 },
      ],
      discountTotal: 1000,
      total: 0,
    },
  },
  {
    name: 'a discount restricted to some variants touches only their lines',
    lines: [
      ['a', 1000, 1],
      ['b', 1000, 1],
    ],
    context: { promotions: [promotion('fixed_amount', 300, { variantIds: new Set(['b']) })] },
    expected: { lines: [{ discountAmount: 0 }, { discountAmount: 300 }], discountTotal: 300, total: 1700 },
  },
  {
    name: 'free shipping is listed with the fee it waived but not counted in discountTotal',
    lines: [['a', 1000, 1]],
    context: { shipping: { price: 499, freeOver: null }, promotions: [promotion('free_shipping', 0)] },
    expected: { discounts: [{ kind: 'free_shipping', amount: 499 }], discountTotal: 0, shippingFee: 0, total: 1000 },
  },
  {
    name: 'tax is on the discounted line',
    lines: [['a', 1000, 1]],
    context: {
      promotions: [promotion('percentage', 2500)],
      tax: { pricesIncludeTax: false, ratesByCategory: rates({ standard: 1600 }) },
    },
    expected: { lines: [{ discountAmount: 250, taxAmount: 120 }], taxTotal: 120, total: 870 },
  },
  {
    name: 'fixed amount: allocated in proportion, the rounding remainder to the largest line (first among equals)',
    lines: [
      ['a', 1000, 1],
      ['b', 1000, 1],
      ['c', 1000, 1],
    ],
    context: { promotions: [promotion('fixed_amount', 100)] },
    expected: { lines: [{ discountAmount: 34 }, { discountAmount: 33 }, { discountAmount: 33 }], discountTotal: 100, total: 2900 },
  },
  {
    name: 'allocation by line total: 1 unit over lines 1 and 3 goes to the larger',
    lines: [
      ['a', 1, 1],
      ['b', 3, 1],
    ],
    context: { promotions: [promotion('fixed_amount', 1)] },
    expected: { lines: [{ discountAmount: 0 }, { discountAmount: 1 }], discountTotal: 1, total: 3 },
  },
  {
    name: 'percentage rounds half-up on the whole: 5 % of 10 is 0.5 → 1',
    lines: [['a', 10, 1]],
    context: { promotions: [promotion('percentage', 500)] },
    expected: { lines: [{ discountAmount: 1 }], discountTotal: 1, total: 9 },
  },
  {
    name: 'two percentages compound, each rounded on what the previous left: 10 % then 10 % of 999',
    lines: [['a', 999, 1]],
    context: {
      promotions: [promotion('percentage', 1000, { promotionId: 'p2', createdAt: new Date('2026-02-01') }), promotion('percentage', 1000)],
    },
    // 999 × 10 % = 99.9 → 100; 899 × 10 % = 89.9 → 90
    expected: {
      discounts: [
        { kind: 'percentage', amount: 100 },
        { kind: 'percentage', amount: 90 },
      ],
      discountTotal: 190,
      total: 809,
    },
  },
  {
    name: 'fixed amounts in creation order, the later one capped by what the earlier left',
    lines: [['a', 1000, 1]],
    context: {
      promotions: [
        promotion('fixed_amount', 700, { promotionId: 'later', createdAt: new Date('2026-03-01') }),
        promotion('fixed_amount', 600, { promotionId: 'earlier', createdAt: new Date('2026-02-01') }),
      ],
    },
    expected: {
      discounts: [
        { kind: 'fixed_amount', amount: 600 },
        { kind: 'fixed_amount', amount: 400 },
      ],
      discountTotal: 1000,
      total: 0,
    },
  },
  {
    name: 'promotions created at the same instant apply in id order, whatever order they come in',
    lines: [['a', 1000, 1]],
    context: {
      promotions: [promotion('fixed_amount', 700, { promotionId: 'b' }), promotion('fixed_amount', 600, { promotionId: 'a' })],
    },
    expected: {
      discounts: [
        { kind: 'fixed_amount', amount: 600 },
        { kind: 'fixed_amount', amount: 400 },
      ],
      discountTotal: 1000,
      total: 0,
    },
  },
  {
    name: 'a fixed amount is capped by the lines it applies to, not by the whole order',
    lines: [
      ['a', 250, 2],
      ['b', 1000, 1],
    ],
    context: { promotions: [promotion('fixed_amount', 10_000, { variantIds: new Set(['a']) })] },
    expected: { lines: [{ discountAmount: 500 }, { discountAmount: 0 }], discountTotal: 500, total: 1000 },
  },
  {
    name: 'a scoped percentage, then an order-wide fixed amount, allocated over what each line has left',
    lines: [
      ['a', 1000, 1],
      ['b', 1000, 1],
    ],
    context: { promotions: [promotion('fixed_amount', 300), promotion('percentage', 5000, { variantIds: new Set(['a']) })] },
    // a: 1000 − 500 = 500 left, b: 1000 left; 300 split 500 : 1000 → 100 and 200
    expected: { lines: [{ discountAmount: 600 }, { discountAmount: 200 }], discountTotal: 800, total: 1200 },
  },
  {
    name: 'an automatic promotion that takes nothing is not listed; a code that takes nothing is (its use is redeemed)',
    lines: [['a', 1000, 1]],
    context: {
      promotions: [
        promotion('percentage', 10_000),
        promotion('fixed_amount', 100, { promotionId: 'auto' }),
        promotion('fixed_amount', 200, { promotionId: 'coded', code: 'TWO' }),
      ],
    },
    expected: {
      discounts: [
        { kind: 'percentage', amount: 1000 },
        { kind: 'fixed_amount', amount: 0 },
      ],
      discountTotal: 1000,
      total: 0,
    },
  },
  {
    name: 'exclusive tax on discounted lines, each line rounded on its own',
    lines: [
      ['a', 1999, 1],
      ['b', 1001, 1, 'reduced'],
    ],
    context: {
      shipping: { price: 500, freeOver: null },
      promotions: [promotion('fixed_amount', 300)],
      tax: { pricesIncludeTax: false, ratesByCategory: rates({ standard: 1600, reduced: 800 }) },
    },
    // 300 over 1999 : 1001 → 199.9 → 200 and 100.1 → 100; tax (1799 × 16 % = 287.84 → 288), (901 × 8 % = 72.08 → 72), shipping 80
    expected: {
      lines: [
        { discountAmount: 200, taxAmount: 288 },
        { discountAmount: 100, taxAmount: 72 },
      ],
      taxLines: [
        { taxCategory: 'standard', rate: 1600, amount: 288 + 80 },
        { taxCategory: 'reduced', rate: 800, amount: 72 },
      ],
      taxTotal: 440,
      total: 3000 - 300 + 500 + 440,
    },
  },
  {
    name: 'inclusive tax is extracted from the discounted amount',
    lines: [['a', 1160, 1]],
    context: {
      shipping: { price: 116, freeOver: null },
      promotions: [promotion('percentage', 1000)],
      tax: { pricesIncludeTax: true, ratesByCategory: rates({ standard: 1600 }) },
    },
    // 1160 − 116 = 1044; 1044 × 1600 / 11600 = 144; shipping 116 → 16
    expected: { lines: [{ discountAmount: 116, taxAmount: 144 }], taxTotal: 160, total: 1044 + 116 },
  },
  {
    name: 'free shipping waives the fee, so shipping carries no tax; line tax is unchanged',
    lines: [['a', 1000, 1]],
    context: {
      shipping: { price: 500, freeOver: null },
      promotions: [promotion('free_shipping', 0)],
      tax: { pricesIncludeTax: false, ratesByCategory: rates({ standard: 2000 }) },
    },
    expected: { discounts: [{ kind: 'free_shipping', amount: 500 }], shippingFee: 0, taxTotal: 200, discountTotal: 0, total: 1200 },
  },
  {
    name: 'discounts that bring the subtotal below freeOver bring the fee back, and free shipping then waives it',
    lines: [['a', 5000, 1]],
    context: {
      shipping: { price: 499, freeOver: 5000 },
      promotions: [promotion('percentage', 1000), promotion('free_shipping', 0)],
    },
    expected: {
      discounts: [
        { kind: 'percentage', amount: 500 },
        { kind: 'free_shipping', amount: 499 },
      ],
      shippingFee: 0,
      total: 4500,
    },
  },
  {
    name: 'an automatic free shipping is not listed when freeOver already made shipping free',
    lines: [['a', 6000, 1]],
    context: { shipping: { price: 499, freeOver: 5000 }, promotions: [promotion('free_shipping', 0)] },
    expected: { discounts: [], shippingFee: 0, total: 6000 },
  },
  {
    name: 'a free-shipping code without a shipping fee yet (no destination) is listed at 0',
    lines: [['a', 1000, 1]],
    context: { promotions: [promotion('free_shipping', 0, { code: 'SHIPFREE' })] },
    expected: { discounts: [{ kind: 'free_shipping', amount: 0 }], shippingFee: 0, total: 1000 },
  },
  {
    name: 'two free-shipping promotions: the earlier waives the fee, a later automatic one is not listed',
    lines: [['a', 1000, 1]],
    context: {
      shipping: { price: 499, freeOver: null },
      promotions: [
        promotion('free_shipping', 0, { promotionId: 'later', createdAt: new Date('2026-05-01') }),
        promotion('free_shipping', 0, { promotionId: 'earlier' }),
      ],
    },
    expected: { discounts: [{ kind: 'free_shipping', amount: 499 }], shippingFee: 0, total: 1000 },
  },
  {
    name: 'percentages at 100 % leave the fixed amounts nothing, the lines at 0, the total the shipping',
    lines: [
      ['a', 333, 3],
      ['b', 1, 1],
    ],
    context: { shipping: { price: 250, freeOver: null }, promotions: [promotion('percentage', 10_000)] },
    expected: { lines: [{ discountAmount: 999 }, { discountAmount: 1 }], discountTotal: 1000, shippingFee: 250, total: 250 },
  },
  {
    name: 'shipping is charged one minor unit below freeOver',
    lines: [['a', 4999, 1]],
    context: { shipping: { price: 499, freeOver: 5000 } },
    expected: { shippingFee: 499, total: 5498 },
  },
  {
    name: 'freeOver 0 ships everything free',
    lines: [['a', 1, 1]],
    context: { shipping: { price: 499, freeOver: 0 } },
    expected: { shippingFee: 0, total: 1 },
  },
  {
    name: 'exclusive, several rates in one cart: one tax line per (category, rate), each line rounded on its own',
    lines: [
      ['a', 1999, 3, 'standard'],
      ['b', 1999, 1, 'standard'],
      ['c', 849, 2, 'reduced'],
      ['d', 1250, 1, 'zero'],
    ],
    context: {
      shipping: { price: 695, freeOver: null },
      tax: { pricesIncludeTax: false, ratesByCategory: rates({ standard: 2000, reduced: 500, zero: 0 }) },
    },
    expected: {
      // 5997 × 20 % = 1199.4 → 1199; 1999 × 20 % = 399.8 → 400; 1698 × 5 % = 84.9 → 85; shipping 695 × 20 % = 139
      lines: [
        { taxAmount: 1199, taxRate: 2000 },
        { taxAmount: 400, taxRate: 2000 },
        { taxAmount: 85, taxRate: 500 },
        { taxAmount: 0, taxRate: 0 },
      ],
      taxLines: [
        { taxCategory: 'standard', rate: 2000, amount: 1199 + 400 + 139 },
        { taxCategory: 'reduced', rate: 500, amount: 85 },
      ],
      taxTotal: 1823,
      total: 5997 + 1999 + 1698 + 1250 + 695 + 1823,
    },
  },
  {
    name: 'inclusive, several rates: tax is extracted per line (gross × rate / (10000 + rate)), never added',
    lines: [
      ['a', 1200, 1, 'standard'],
      ['b', 1050, 1, 'reduced'],
      ['c', 999, 1, 'unknown-category'],
    ],
    context: {
      shipping: { price: 599, freeOver: null },
      tax: { pricesIncludeTax: true, ratesByCategory: rates({ standard: 2000, reduced: 500 }) },
    },
    expected: {
      // 1200 × 2000/12000 = 200; 1050 × 500/10500 = 50; shipping 599 × 2000/12000 = 99.83 → 100
      lines: [{ taxAmount: 200 }, { taxAmount: 50 }, { taxAmount: 0, taxRate: 0 }],
      taxLines: [
        { taxCategory: 'standard', rate: 2000, amount: 300 },
        { taxCategory: 'reduced', rate: 500, amount: 50 },
      ],
      taxTotal: 350,
      total: 1200 + 1050 + 999 + 599,
    },
  },
  {
    name: 'rounding per line adds up: three lines each at x.5 round up on their own',
    lines: [
      ['a', 5, 1],
      ['b', 15, 1],
      ['c', 25, 1],
    ],
    context: { tax: { pricesIncludeTax: false, ratesByCategory: rates({ standard: 1000 }) } },
    expected: {
      lines: [{ taxAmount: 1 }, { taxAmount: 2 }, { taxAmount: 3 }],
      taxLines: [{ taxCategory: 'standard', rate: 1000, amount: 6 }],
      taxTotal: 6,
      total: 45 + 6,
    },
  },
  {
    name: 'a zero rate taxes nothing and lists no tax line',
    lines: [['a', 1000, 1]],
    context: { shipping: { price: 499, freeOver: null }, tax: { pricesIncludeTax: false, ratesByCategory: rates({ standard: 0 }) } },
    expected: { lines: [{ taxAmount: 0, taxRate: 0 }], taxLines: [], taxTotal: 0, total: 1499 },
  },
  {
    name: 'an unknown destination (no rates at all) is taxed at 0, inclusive or not',
    lines: [['a', 1000, 2]],
    context: { shipping: { price: 499, freeOver: null }, tax: { pricesIncludeTax: true, ratesByCategory: new Map() } },
    expected: { taxLines: [], taxTotal: 0, total: 2499 },
  },
  {
    name: 'free shipping leaves no shipping tax',
    lines: [['a', 5000, 1]],
    context: {
      shipping: { price: 499, freeOver: 5000 },
      tax: { pricesIncludeTax: false, ratesByCategory: rates({ standard: 1600 }) },
    },
    expected: { shippingFee: 0, taxTotal: 800, total: 5800 },
  },
  {
    name: 'inclusive at the maxima: 100 lines × 99 units at the largest price, the highest rate, stays exact',
    lines: Array.from({ length: 100 }, (_, index): [string, number, number] => [`v${index}`, 99_999_999_99, 99]),
    context: {
      shipping: { price: 10_000_000, freeOver: null },
      tax: { pricesIncludeTax: true, ratesByCategory: rates({ standard: 10_000 }) },
    },
    expected: {
      subtotal: 98_999_999_990_100,
      // gross × 10000 / 20000: half of each line (494_999_999_950.5 → 494_999_999_951), shipping 5_000_000
      taxTotal: 100 * 494_999_999_951 + 5_000_000,
      total: 98_999_999_990_100 + 10_000_000,
    },
  },
  {
    name: 'the largest amounts stay exact (products beyond 2^53 go through BigInt)',
    lines: Array.from({ length: 100 }, (_, index): [string, number, number] => [`v${index}`, 99_999_999_99, 99]),
    context: {
      shipping: { price: 99_999_999_99, freeOver: null },
      tax: { pricesIncludeTax: false, ratesByCategory: rates({ standard: 9999 }) },
    },
    expected: {
      subtotal: 98_999_999_990_100,
      taxTotal: 100 * 989_900_999_901 + 9_998_999_999,
      total: 98_999_999_990_100 + 99_999_999_99 + 100 * 989_900_999_901 + 9_998_999_999,
    },
  },
];

describe('priceOrder', () => {
  it.each(cases)('$name', ({ lines, context: overrides, expected }) => {
    const quotes = new Map(lines.map(([variantId, amount, , category]) => [variantId, quote(variantId, amount, category)]));
    const ctx = context(overrides);
    const breakdown = priceOrder({ lines: lines.map(([variantId, , quantity]) => ({ variantId, quantity })), quotes, context: ctx });
    const { lines: expectedLines, discounts, taxLines, ...totals } = expected;
    expect(breakdown).toMatchObject(totals);
    if (expectedLines) expect(breakdown.lines).toMatchObject(expectedLines);
    if (discounts) expect(breakdown.discounts).toMatchObject(discounts);
    if (taxLines) expect(breakdown.taxLines).toMatchObject(taxLines);
    expectAddsUp(breakdown, ctx.tax.pricesIncludeTax);
  });

  it('refuses a line without a quote (a caller bug, not a shopper error)', () => {
    expect(() => priceOrder({ lines: [{ variantId: 'x', quantity: 1 }], quotes: new Map(), context: context() })).toThrow(
      'No quote for variant x',
    );
  });
});

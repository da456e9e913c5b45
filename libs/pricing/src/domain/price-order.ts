import { allocate, mulDivHalfUp } from './minor-units';
import type { AppliedDiscount, LineToPrice, PriceBreakdown, PricedLine, TaxLine } from './price-breakdown';
import type { PricingContext, PromotionToApply, TaxPolicy } from './pricing-context';
import { STANDARD_TAX_CATEGORY, VariantQuote } from './variant-quote';

const BASIS_POINTS = 10_000;
const KIND_ORDER = { percentage: 0, fixed_amount: 1, free_shipping: 2 } as const;

export interface PriceOrderInput {
  lines: LineToPrice[];
  /** A quote for every line's variant, in the context's currency (callers refuse others first). */
  quotes: ReadonlyMap<string, VariantQuote>;
  context: PricingContext;
}

/**
 * The one pricing function, for the cart preview and for checkout alike. Order of computation:
 * line totals → discounts (allocated to lines) → shipping → tax → total; every rounding is
 * half-up per line and the parts add up exactly to the totals. Pure: no I/O, no clock.
 */
export function priceOrder({ lines, quotes, context }: PriceOrderInput): PriceBreakdown {
  const priced: PricedLine[] = lines.map(({ variantId, quantity }) => {
    const quote = quotes.get(variantId);
    if (!quote) throw new Error(`No quote for variant ${variantId}`);
    const unitPrice = quote.unitPrice.amount;
    return { variantId, quote, quantity, unitPrice, lineTotal: unitPrice * quantity, discountAmount: 0, taxAmount: 0, taxRate: 0 };
  });
  const subtotal = sum(priced.map((line) => line.lineTotal));

  // Promotions created in one transaction share a timestamp: the id settles the order then.
  const promotions = [...context.promotions].sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      (a.promotionId < b.promotionId ? -1 : a.promotionId > b.promotionId ? 1 : 0),
  );
  const discounts: AppliedDiscount[] = [];
  // An automatic promotion that took nothing is not listed; a code the shopper applied always is.
  const listed = (promotion: PromotionToApply, amount: number) => amount > 0 || promotion.code !== null;
  for (const promotion of promotions) {
    if (promotion.kind === 'free_shipping') continue;
    const amount = applyLineDiscount(promotion, priced);
    if (listed(promotion, amount)) discounts.push(discountOf(promotion, amount));
  }
  const discountTotal = sum(priced.map((line) => line.discountAmount));

  let shippingFee = shippingFeeFor(context, subtotal - discountTotal);
  for (const freeShipping of promotions.filter((promotion) => promotion.kind === 'free_shipping')) {
    if (listed(freeShipping, shippingFee)) discounts.push(discountOf(freeShipping, shippingFee));
    shippingFee = 0;
  }

  const { taxLines, shippingTaxAmount } = applyTax(context.tax, priced, shippingFee);
  const taxTotal = sum(taxLines.map((line) => line.amount));
  const net = subtotal - discountTotal + shippingFee;
  const total = context.tax.pricesIncludeTax ? net : net + taxTotal;
  return {
    currency: context.currency,
    lines: priced,
    subtotal,
    discounts,
    discountTotal,
    shippingFee,
    shippingTaxAmount,
    taxLines,
    taxTotal,
    total,
  };
}

/** Applies a percentage or fixed amount to what its lines still cost; returns the amount taken. */
function applyLineDiscount(promotion: PromotionToApply, lines: PricedLine[]): number {
  const eligible = lines.filter((line) => !promotion.variantIds || promotion.variantIds.has(line.variantId));
  const remaining = eligible.map((line) => line.lineTotal - line.discountAmount);
  const base = sum(remaining);
  const amount =
    promotion.kind === 'percentage'
      ? mulDivHalfUp(base, Math.min(promotion.value, BASIS_POINTS), BASIS_POINTS)
      : Math.min(promotion.value, base);
  allocate(amount, remaining).forEach((share, index) => (eligible[index].discountAmount += share));
  return amount;
}

function shippingFeeFor(context: PricingContext, subtotalAfterDiscounts: number): number {
  const shipping = context.shipping;
  if (!shipping) return 0;
  return shipping.freeOver !== null && subtotalAfterDiscounts >= shipping.freeOver ? 0 : shipping.price;
}

/** Tax per line (and shipping as one more standard-rate line), grouped by (category, rate). */
function applyTax(tax: TaxPolicy, lines: PricedLine[], shippingFee: number): { taxLines: TaxLine[]; shippingTaxAmount: number } {
  const grouped = new Map<string, TaxLine>();
  const taxOf = (taxCategory: string, amount: number): { rate: number; tax: number } => {
    const rate = tax.ratesByCategory.get(taxCategory);
    if (!rate || rate.rate === 0) return { rate: 0, tax: 0 };
    const value = tax.pricesIncludeTax
      ? mulDivHalfUp(amount, rate.rate, BASIS_POINTS + rate.rate)
      : mulDivHalfUp(amount, rate.rate, BASIS_POINTS);
    const key = `${taxCategory}\u0000${rate.rate}`;
    const line = grouped.get(key) ?? { name: rate.name, rate: rate.rate, taxCategory, amount: 0 };
    line.amount += value;
    grouped.set(key, line);
    return { rate: rate.rate, tax: value };
  };
  for (const line of lines) {
    const { rate, tax: amount } = taxOf(line.quote.taxCategory, line.lineTotal - line.discountAmount);
    line.taxRate = rate;
    line.taxAmount = amount;
  }
  const shippingTaxAmount = shippingFee > 0 ? taxOf(STANDARD_TAX_CATEGORY, shippingFee).tax : 0;
  return { taxLines: [...grouped.values()], shippingTaxAmount };
}

function discountOf(promotion: PromotionToApply, amount: number): AppliedDiscount {
  return { promotionId: promotion.promotionId, code: promotion.code, name: promotion.name, kind: promotion.kind, amount };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

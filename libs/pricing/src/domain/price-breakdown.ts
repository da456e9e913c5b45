import type { PromotionKind } from './pricing-context';
import type { VariantQuote } from './variant-quote';

/** A line to price: which variant and how many. */
export interface LineToPrice {
  variantId: string;
  quantity: number;
}

export interface PricedLine {
  variantId: string;
  quote: VariantQuote;
  quantity: number;
  unitPrice: number;
  /** unitPrice × quantity, before discounts. */
  lineTotal: number;
  /** This line's share of the line discounts. */
  discountAmount: number;
  taxAmount: number;
  /** Basis points; 0 when no rate applies. */
  taxRate: number;
}

export interface AppliedDiscount {
  promotionId: string;
  code: string | null;
  name: string;
  kind: PromotionKind;
  amount: number;
}

export interface TaxLine {
  name: string;
  rate: number;
  taxCategory: string;
  amount: number;
}

/**
 * What an order costs, every part in minor units of `currency`, adding up exactly:
 * subtotal = Σ lineTotal; discountTotal = Σ discountAmount (line discounts; a free-shipping
 * discount is listed but not counted); taxTotal = Σ taxLines = Σ taxAmount + shipping tax;
 * total = subtotal − discountTotal + shippingFee (+ taxTotal when prices exclude tax).
 */
export interface PriceBreakdown {
  currency: string;
  lines: PricedLine[];
  subtotal: number;
  discounts: AppliedDiscount[];
  discountTotal: number;
  shippingFee: number;
  /** The tax in shippingFee (part of the standard tax line). */
  shippingTaxAmount: number;
  taxLines: TaxLine[];
  taxTotal: number;
  total: number;
}

import type { ShippingCharge } from './pricing-context';

/** A short code: lower-case letters, digits, "_" and "-". */
export const SHIPPING_METHOD_CODE_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

/** The method every store starts with (migration CreateShippingAndTax). */
export const STANDARD_SHIPPING_CODE = 'standard';

/** How a shipment is sent and what it costs; amounts in minor units of the store currency. */
export interface ShippingMethod {
  id: string;
  code: string;
  name: string;
  description: string | null;
  price: number;
  /** Free when the subtotal after discounts is at least this; null: never free. */
  freeOver: number | null;
  /** ISO alpha-2 codes; empty: every country. */
  countries: string[];
  deliveryDays: { min: number; max: number } | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export function servesCountry(method: ShippingMethod, country: string): boolean {
  return method.active && (method.countries.length === 0 || method.countries.includes(country));
}

export function chargeOf(method: ShippingMethod): ShippingCharge {
  return { price: method.price, freeOver: method.freeOver };
}

/** The fee for an order whose subtotal after discounts is `subtotal` (the same rule as priceOrder's). */
export function feeFor(method: ShippingMethod, subtotal: number): number {
  return method.freeOver !== null && subtotal >= method.freeOver ? 0 : method.price;
}

/** Cheapest first; equal fees by list price, then code, so the choice is always the same. */
export function cheapestFirst(methods: ShippingMethod[], subtotal: number): { method: ShippingMethod; fee: number }[] {
  return methods
    .map((method) => ({ method, fee: feeFor(method, subtotal) }))
    .sort((a, b) => a.fee - b.fee || a.method.price - b.method.price || (a.method.code < b.method.code ? -1 : 1));
}

import type { Money } from './notification';

/** 1999 USD → "$19.99": minor units scaled by the currency's own number of decimals. */
export function formatMoney(money: Money): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: money.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}

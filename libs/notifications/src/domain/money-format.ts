import type { Money } from './notification';

/** 1999 USD → "$19.99": minor units scaled by the currency's own number of decimals. */
export function formatMoney(money: Money): string {
  const { format, digits } = formatterFor(money.currency);
  return format.format(money.amount / 10 ** digits);
}

/** Building a NumberFormat costs far more than using one: one per currency, made once. */
const formatters = new Map<string, { format: Intl.NumberFormat; digits: number }>();

function formatterFor(currency: string): { format: Intl.NumberFormat; digits: number } {
  let formatter = formatters.get(currency);
  if (!formatter) {
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formatter = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    formatters.set(currency, formatter);
  }
  return formatter;
}

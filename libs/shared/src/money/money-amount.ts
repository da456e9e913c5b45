/** Money in integer minor units (cents). Never a float. */
export interface Money {
  amount: number;
  currency: string;
}

/** The largest amount the API accepts or produces (10^10 minor units). */
export const MAX_MONEY_AMOUNT = 100_000_000_00;

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError('Money amounts are integer minor units');
  return { amount, currency };
}

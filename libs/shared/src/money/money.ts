import { ApiProperty } from '@nestjs/swagger';

/** Money in integer minor units (cents). Never a float. */
export interface Money {
  amount: number;
  currency: string;
}

export const MAX_MONEY_AMOUNT = 100_000_000_00;

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError('Money amounts are integer minor units');
  return { amount, currency };
}

export class MoneyResponse {
  @ApiProperty({ type: 'integer', example: 1999, description: 'Integer minor units (cents)' })
  amount: number;
  @ApiProperty({ example: 'USD', description: 'ISO-4217 code' })
  currency: string;
}

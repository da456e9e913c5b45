import { ApiProperty } from '@nestjs/swagger';
import type { Money } from './money-amount';

export * from './money-amount';

export class MoneyResponse implements Money {
  @ApiProperty({ type: 'integer', example: 1999, description: 'Integer minor units (cents)' })
  amount: number;
  @ApiProperty({ example: 'USD', description: 'ISO-4217 code' })
  currency: string;
}

import { IntField, MAX_MONEY_AMOUNT, StringField } from '@congocart/shared';

export class MoneyRequest {
  @IntField({ min: 0, max: MAX_MONEY_AMOUNT, description: 'Integer minor units (cents)', example: 499 })
  amount: number;

  @StringField({ minLength: 3, maxLength: 3, pattern: /^[A-Z]{3}$/, description: 'Must be the store currency', example: 'USD' })
  currency: string;
}

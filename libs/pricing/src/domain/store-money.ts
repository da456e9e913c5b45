import { Money, ValidationFailedError } from '@congocart/shared/kernel';

/** The amount of a Money sent by a client, which must be in the store currency (else 400 on `field`). */
export function storeAmount(money: Money, storeCurrency: string, field: string): number {
  if (money.currency !== storeCurrency) {
    throw new ValidationFailedError([{ field: `${field}.currency`, message: `The currency must be the store currency ${storeCurrency}.` }]);
  }
  return money.amount;
}

import { Money, ValidationFailedError } from '@congocart/shared/kernel';
import type { ShippingMethod } from './shipping-method';
import { storeAmount } from './store-money';

/** What an admin sends: Money in the store currency; `null` clears an optional field. */
export interface ShippingMethodInput {
  code?: string;
  name?: string;
  description?: string | null;
  price?: Money;
  freeOver?: Money | null;
  countries?: string[];
  deliveryDays?: { min: number; max: number } | null;
  active?: boolean;
}

export type ShippingMethodFields = Partial<Omit<ShippingMethod, 'id' | 'createdAt' | 'updatedAt'>>;

/** The fields sent, checked (store currency, min ≤ max days) and in minor units; countries deduplicated. */
export function shippingMethodFields(input: ShippingMethodInput, storeCurrency: string): ShippingMethodFields {
  if (input.deliveryDays && input.deliveryDays.min > input.deliveryDays.max) {
    throw new ValidationFailedError([{ field: 'deliveryDays.max', message: 'deliveryDays.max must be at least deliveryDays.min' }]);
  }
  const fields: ShippingMethodFields = {};
  if (input.code !== undefined) fields.code = input.code;
  if (input.name !== undefined) fields.name = input.name;
  if (input.description !== undefined) fields.description = input.description;
  if (input.price !== undefined) fields.price = storeAmount(input.price, storeCurrency, 'price');
  if (input.freeOver !== undefined)
    fields.freeOver = input.freeOver === null ? null : storeAmount(input.freeOver, storeCurrency, 'freeOver');
  if (input.countries !== undefined) fields.countries = [...new Set(input.countries)].sort();
  if (input.deliveryDays !== undefined) fields.deliveryDays = input.deliveryDays ? { ...input.deliveryDays } : null;
  if (input.active !== undefined) fields.active = input.active;
  return fields;
}

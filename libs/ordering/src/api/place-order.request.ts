import { MoneyRequest } from '@congocart/pricing';
import { EnumField, NestedField, StringField, UuidField, ValidationFailedError } from '@congocart/shared';
import { COUNTRY_CODES } from '@congocart/shared/kernel';
import type { ShipTo } from '../application/place-order.use-case';
import { ADDRESS_LIMITS, POSTAL_CODE_PATTERN } from '../domain/shipping-address';

export class ShippingAddressRequest {
  @StringField({ maxLength: ADDRESS_LIMITS.name, minLength: 1, trim: true, description: 'Recipient', example: 'Ada Lovelace' })
  name: string;

  @StringField({ maxLength: ADDRESS_LIMITS.line1, minLength: 1, trim: true, example: '12 St James’s Square' })
  line1: string;

  @StringField({ maxLength: ADDRESS_LIMITS.line2, optional: true, trim: true, example: 'Flat 3' })
  line2?: string;

  @StringField({ maxLength: ADDRESS_LIMITS.city, minLength: 1, trim: true, example: 'London' })
  city: string;

  @StringField({
    maxLength: ADDRESS_LIMITS.region,
    optional: true,
    trim: true,
    description: 'State, province or county',
    example: 'Greater London',
  })
  region?: string;

  @StringField({
    maxLength: ADDRESS_LIMITS.postalCode,
    minLength: 1,
    trim: true,
    pattern: POSTAL_CODE_PATTERN,
    patternMessage: 'postalCode may hold letters, digits, spaces and hyphens only',
    example: 'SW1Y 4JH',
  })
  postalCode: string;

  @EnumField(COUNTRY_CODES, { enumName: 'CountryCode', description: 'ISO 3166-1 alpha-2 (upper case)', example: 'GB' })
  country: string;
}

export class PlaceOrderRequest {
  @NestedField(() => ShippingAddressRequest, {
    optional: true,
    description: 'Where the order ships to; exactly one of this and shippingAddressId',
    // Optional only because shippingAddressId may stand in for it: the body offered sends one.
    example: { name: 'Ada Lovelace', line1: '12 St James’s Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
  })
  shippingAddress?: ShippingAddressRequest;

  @UuidField({
    optional: true,
    description: 'One of my address book’s entries (GET /me/addresses), copied into the order; exactly one of this and shippingAddress',
  })
  shippingAddressId?: string;

  @UuidField({ optional: true, description: 'One of GET /cart/shipping-options; default: the cheapest serving the country' })
  shippingMethodId?: string;

  @NestedField(() => MoneyRequest, { optional: true, description: 'The total the shopper saw; a different total now → 409 PRICE_CHANGED' })
  expectedTotal?: MoneyRequest;
}

/** Exactly one of shippingAddress and shippingAddressId (both or neither → 400 naming the fields). */
export function shipToOf(body: Pick<PlaceOrderRequest, 'shippingAddress' | 'shippingAddressId'>): ShipTo {
  if (body.shippingAddress && body.shippingAddressId === undefined) return { address: body.shippingAddress };
  if (body.shippingAddressId !== undefined && !body.shippingAddress) return { addressId: body.shippingAddressId };
  const message = body.shippingAddress
    ? 'Give either shippingAddress or shippingAddressId, not both'
    : 'Either shippingAddress or shippingAddressId is required';
  throw new ValidationFailedError([
    { field: 'shippingAddress', message },
    { field: 'shippingAddressId', message },
  ]);
}

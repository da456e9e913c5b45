import { MoneyRequest } from '@congocart/pricing';
import { NestedField, StringField, UuidField } from '@congocart/shared';
import { ShippingAddressRequest } from './place-order.request';

/** A pragmatic shape check (one @, no white space, a dotted domain), as for registration. */
const EMAIL_SHAPE = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

export class GuestCheckoutRequest {
  @StringField({
    maxLength: 254,
    minLength: 3,
    format: 'email',
    trim: true,
    lowercase: true,
    pattern: EMAIL_SHAPE,
    patternMessage: 'email must be a valid e-mail address',
    description: 'Where the order’s e-mails go (trimmed and lower-cased); verifying it in an account attaches the order to it',
    example: 'ada@example.com',
  })
  email: string;

  @NestedField(() => ShippingAddressRequest, { description: 'Where the order ships to' })
  shippingAddress: ShippingAddressRequest;

  @UuidField({ optional: true, description: 'One of GET /carts/{id}/shipping-options; default: the cheapest serving the country' })
  shippingMethodId?: string;

  @NestedField(() => MoneyRequest, { optional: true, description: 'The total the shopper saw; a different total now → 409 PRICE_CHANGED' })
  expectedTotal?: MoneyRequest;
}

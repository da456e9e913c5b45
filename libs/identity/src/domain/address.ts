import { FieldError, isCountryCode, ValidationFailedError } from '@congocart/shared/kernel';

// Identity owns the Address value object of the address book. Ordering still has its own copy
// (shipping-address.ts) until checkout reads addresses from here: then only this one remains.

export interface Address {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
}

/** Lengths a label printer and a courier's API accept; the request DTO documents the same. */
export const ADDRESS_LIMITS = {
  name: 100,
  line1: 200,
  line2: 200,
  city: 100,
  region: 100,
  postalCode: 16,
} as const;

export const POSTAL_CODE_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9 -]*[A-Za-z0-9])?$/;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

type AddressInput = { [K in keyof Address]?: unknown };

/**
 * Trims every field, drops empty optional ones and refuses anything a courier could not use;
 * problems are named under `path` (e.g. `shippingAddress.city`), or by the bare field name.
 */
export function addressFrom(input: AddressInput, path = ''): Address {
  const errors: FieldError[] = [];
  const at = (field: string) => (path ? `${path}.${field}` : field);
  const text = (field: keyof typeof ADDRESS_LIMITS, required: boolean): string | undefined => {
    const raw = input[field];
    if (raw === undefined || raw === null) {
      if (required) errors.push({ field: at(field), message: `${field} is required` });
      return undefined;
    }
    if (typeof raw !== 'string') {
      errors.push({ field: at(field), message: `${field} must be a string` });
      return undefined;
    }
    const value = raw.trim();
    if (value === '') {
      if (required) errors.push({ field: at(field), message: `${field} must not be blank` });
      return undefined;
    }
    if (value.length > ADDRESS_LIMITS[field])
      errors.push({ field: at(field), message: `${field} must be at most ${ADDRESS_LIMITS[field]} characters` });
    if (CONTROL_CHARACTERS.test(value)) errors.push({ field: at(field), message: `${field} must not contain control characters` });
    return value;
  };

  const address: Address = {
    name: text('name', true) ?? '',
    line1: text('line1', true) ?? '',
    city: text('city', true) ?? '',
    postalCode: text('postalCode', true) ?? '',
    country: typeof input.country === 'string' ? input.country : '',
  };
  const line2 = text('line2', false);
  const region = text('region', false);
  if (line2 !== undefined) address.line2 = line2;
  if (region !== undefined) address.region = region;
  if (address.postalCode && !POSTAL_CODE_PATTERN.test(address.postalCode)) {
    errors.push({ field: at('postalCode'), message: 'postalCode may hold letters, digits, spaces and hyphens only' });
  }
  if (!isCountryCode(address.country)) {
    errors.push({ field: at('country'), message: 'country must be an ISO 3166-1 alpha-2 code such as US or DE' });
  }
  if (errors.length) throw new ValidationFailedError(errors);
  return address;
}

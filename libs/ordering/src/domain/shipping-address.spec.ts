import { ValidationFailedError } from '@congocart/shared/kernel';
import { shippingAddressFrom } from './shipping-address';

const valid = { name: ' Ada Lovelace ', line1: '12 St James Sq', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };

function fieldsOf(input: Record<string, unknown>): string[] {
  try {
    shippingAddressFrom(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    return (error as ValidationFailedError).errors.map((e) => e.field);
  }
  return [];
}

describe('shipping address', () => {
  it('trims fields and omits blank optional ones', () => {
    expect(shippingAddressFrom({ ...valid, line2: '  ', region: ' Westminster ' })).toEqual({
      name: 'Ada Lovelace',
      line1: '12 St James Sq',
      city: 'London',
      region: 'Westminster',
      postalCode: 'SW1Y 4JH',
      country: 'GB',
    });
  });

  it('accepts every officially assigned country code and refuses others', () => {
    expect(fieldsOf({ ...valid, country: 'DE' })).toEqual([]);
    expect(fieldsOf({ ...valid, country: 'XX' })).toEqual(['shippingAddress.country']);
    expect(fieldsOf({ ...valid, country: 'UK' })).toEqual(['shippingAddress.country']);
    expect(fieldsOf({ ...valid, country: 'gb' })).toEqual(['shippingAddress.country']);
    expect(fieldsOf({ ...valid, country: 'GBR' })).toEqual(['shippingAddress.country']);
  });

  it('names every missing or blank required field', () => {
    expect(fieldsOf({ country: 'US', name: '  ' })).toEqual([
      'shippingAddress.name',
      'shippingAddress.line1',
      'shippingAddress.city',
      'shippingAddress.postalCode',
    ]);
  });

  it('refuses over-long fields, control characters and odd postal codes', () => {
    expect(fieldsOf({ ...valid, city: 'x'.repeat(101) })).toEqual(['shippingAddress.city']);
    expect(fieldsOf({ ...valid, line1: 'a\u0007b' })).toEqual(['shippingAddress.line1']);
    expect(fieldsOf({ ...valid, postalCode: '12<34' })).toEqual(['shippingAddress.postalCode']);
    expect(fieldsOf({ ...valid, postalCode: '01310-100' })).toEqual([]);
  });
});

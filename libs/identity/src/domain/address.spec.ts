import { ValidationFailedError } from '@congocart/shared/kernel';
import { addressFrom } from './address';

const valid = { name: ' Ada Lovelace ', line1: '12 St James Sq', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };

function fieldsOf(input: Record<string, unknown>): string[] {
  try {
    addressFrom(input, 'address');
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    return (error as ValidationFailedError).errors.map((e) => e.field);
  }
  return [];
}

describe('address', () => {
  it('trims fields and omits blank optional ones', () => {
    expect(addressFrom({ ...valid, line2: '  ', region: ' Westminster ' }, 'address')).toEqual({
      name: 'Ada Lovelace',
      line1: '12 St James Sq',
      city: 'London',
      region: 'Westminster',
      postalCode: 'SW1Y 4JH',
      country: 'GB',
    });
  });

  it('names every problem under the given path', () => {
    expect(fieldsOf({ ...valid, country: 'XX', city: ' ', postalCode: 'A_1' })).toEqual([
      'address.city',
      'address.postalCode',
      'address.country',
    ]);
  });
});

import { cheapestFirst, servesCountry, ShippingMethod } from './shipping-method';

const at = new Date('2026-01-01T00:00:00Z');
const method = (code: string, price: number, extra: Partial<ShippingMethod> = {}): ShippingMethod => ({
  id: code,
  code,
  name: code,
  description: null,
  price,
  freeOver: null,
  countries: [],
  deliveryDays: null,
  active: true,
  createdAt: at,
  updatedAt: at,
  ...extra,
});

describe('shipping methods', () => {
  it('serve every country when they list none, else only those listed, and never while inactive', () => {
    expect(servesCountry(method('a', 1), 'KE')).toBe(true);
    expect(servesCountry(method('a', 1, { countries: ['GB'] }), 'KE')).toBe(false);
    expect(servesCountry(method('a', 1, { countries: ['GB', 'KE'] }), 'KE')).toBe(true);
    expect(servesCountry(method('a', 1, { active: false }), 'KE')).toBe(false);
  });

  it('are offered cheapest first for the order, free-over thresholds applied, ties by price then code', () => {
    const methods = [method('express', 1500), method('standard', 499), method('free-over', 799, { freeOver: 5000 }), method('b-same', 499)];
    expect(cheapestFirst(methods, 4999).map(({ method: m, fee }) => [m.code, fee])).toEqual([
      ['b-same', 499],
      ['standard', 499],
      ['free-over', 799],
      ['express', 1500],
    ]);
    expect(cheapestFirst(methods, 5000)[0]).toMatchObject({ method: { code: 'free-over' }, fee: 0 });
  });
});

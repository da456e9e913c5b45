import { ValidationFailedError } from '../errors/domain-error';
import { canonicalJson, parseIdempotencyKey, requestFingerprint } from './idempotency-key';

describe('Idempotency-Key', () => {
  it('accepts 8–255 printable ASCII characters', () => {
    expect(parseIdempotencyKey('12345678')).toBe('12345678');
    expect(parseIdempotencyKey('k'.repeat(255))).toHaveLength(255);
    expect(parseIdempotencyKey('a key with spaces ~!')).toBe('a key with spaces ~!');
  });

  it.each([
    ['missing', undefined],
    ['too short', '1234567'],
    ['too long', 'k'.repeat(256)],
    ['non-ASCII', 'schlüssel-123'],
    ['a control character', 'abc\tdefgh'],
    ['repeated headers', ['12345678', '12345678']],
  ])('refuses a key that is %s with a 400 naming the header', (_case, header) => {
    let thrown: unknown;
    try {
      parseIdempotencyKey(header);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationFailedError);
    expect((thrown as ValidationFailedError).errors[0].field).toBe('Idempotency-Key');
  });
});

describe('request fingerprint', () => {
  it('is the same for the same JSON whatever its key order', () => {
    expect(requestFingerprint('POST', '/api/v1/checkout', { a: 1, b: { c: [1, { e: 2, d: 3 }] } })).toBe(
      requestFingerprint('post', '/api/v1/checkout', { b: { c: [1, { d: 3, e: 2 }] }, a: 1 }),
    );
  });

  it('differs with the method, the path or any value of the body', () => {
    const base = requestFingerprint('POST', '/api/v1/orders/1/payments', { paymentToken: 'tok_visa' });
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(requestFingerprint('PUT', '/api/v1/orders/1/payments', { paymentToken: 'tok_visa' })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/v1/orders/2/payments', { paymentToken: 'tok_visa' })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/v1/orders/1/payments', { paymentToken: 'tok_pending' })).not.toBe(base);
  });

  it('writes canonical JSON', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}');
  });
});

import { isValidWebhookSignature, signWebhook } from './webhook-signature';

const secret = 'whsec_test';
const body = Buffer.from('{"id":"evt_1"}');
const now = new Date('2026-11-24T10:00:00.000Z');
const t = Math.floor(now.getTime() / 1000);

describe('webhook signature', () => {
  it('accepts the HMAC of "<t>.<raw body>" made with the secret', () => {
    expect(isValidWebhookSignature(secret, body, signWebhook(secret, body, t), now)).toBe(true);
  });

  it('accepts any one valid v1 among several (secret rotation)', () => {
    const valid = signWebhook(secret, body, t).split(',')[1];
    expect(isValidWebhookSignature(secret, body, `t=${t},v1=${'0'.repeat(64)},${valid}`, now)).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['without a timestamp', `v1=${'a'.repeat(64)}`],
    ['without a signature', `t=${t}`],
    ['with a non-hex signature', `t=${t},v1=${'z'.repeat(64)}`],
    ['with two timestamps', `${signWebhook(secret, body, t)},t=${t}`],
  ])('refuses a header that is %s', (_case, header) => {
    expect(isValidWebhookSignature(secret, body, header, now)).toBe(false);
  });

  it('refuses another secret, another body and another timestamp', () => {
    expect(isValidWebhookSignature(secret, body, signWebhook('other', body, t), now)).toBe(false);
    expect(isValidWebhookSignature(secret, Buffer.from('{"id":"evt_2"}'), signWebhook(secret, body, t), now)).toBe(false);
    const forged = signWebhook(secret, body, t).replace(`t=${t}`, `t=${t + 1}`);
    expect(isValidWebhookSignature(secret, body, forged, now)).toBe(false);
  });

  it('refuses timestamps more than 300 s away from now, either way', () => {
    expect(isValidWebhookSignature(secret, body, signWebhook(secret, body, t - 300), now)).toBe(true);
    expect(isValidWebhookSignature(secret, body, signWebhook(secret, body, t - 301), now)).toBe(false);
    expect(isValidWebhookSignature(secret, body, signWebhook(secret, body, t + 301), now)).toBe(false);
  });
});

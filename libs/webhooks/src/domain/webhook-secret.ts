import { randomBytes } from 'node:crypto';

/** 256 random bits; receivers use the string exactly as shown (its UTF-8 bytes) as the HMAC key. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

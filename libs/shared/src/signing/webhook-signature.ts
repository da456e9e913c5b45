import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far the signed timestamp may be from our clock, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * The one signature scheme of CongoCart's webhooks, incoming (payment providers) and outgoing
 * (our endpoints): `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed by the
 * secret's UTF-8 bytes (several v1 allowed while a secret rotates).
 */
export function signWebhook(secret: string, rawBody: Buffer | string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, rawBody)}`;
}

export function isValidWebhookSignature(secret: string, rawBody: Buffer, header: string | undefined, now: Date): boolean {
  if (typeof header !== 'string' || header.length > 1024) return false;
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const match = /^\s*(t|v1)=([^\s,]+)\s*$/.exec(part);
    if (!match) continue;
    if (match[1] === 't') {
      if (!/^\d{1,12}$/.test(match[2]) || timestamp !== undefined) return false;
      timestamp = Number(match[2]);
    } else if (/^[0-9a-f]{64}$/i.test(match[2])) {
      signatures.push(Buffer.from(match[2], 'hex'));
    }
  }
  if (timestamp === undefined || signatures.length === 0) return false;
  if (Math.abs(Math.floor(now.getTime() / 1000) - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(hmac(secret, timestamp, rawBody), 'hex');
  // Every candidate is compared in constant time; no early exit on the first mismatch.
  return signatures.map((signature) => timingSafeEqual(signature, expected)).includes(true);
}

function hmac(secret: string, timestamp: number, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

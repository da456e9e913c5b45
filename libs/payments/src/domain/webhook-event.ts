import { FieldError, isUuid, ValidationFailedError } from '@congocart/shared/kernel';

export const WEBHOOK_EVENT_TYPES = ['payment.succeeded', 'payment.failed', 'payment.refunded'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** A provider's notification about one payment, after its signature was verified. */
export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  data: { paymentId: string; orderId: string };
}

const EVENT_ID = /^[\x21-\x7e]{1,255}$/;

/** Parses the verified raw body: `{id, type, createdAt, data: {paymentId, orderId}}`, else 400. */
export function parseWebhookEvent(rawBody: Buffer): WebhookEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new ValidationFailedError([{ field: '', message: 'The event is not valid JSON.' }], 'The webhook event is malformed.');
  }
  const event = (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : {}) as Record<string, unknown>;
  const data = (typeof event.data === 'object' && event.data !== null && !Array.isArray(event.data) ? event.data : {}) as Record<
    string,
    unknown
  >;
  const errors: FieldError[] = [];
  if (typeof event.id !== 'string' || !EVENT_ID.test(event.id))
    errors.push({ field: 'id', message: 'id must be 1–255 visible ASCII characters' });
  if (typeof event.type !== 'string' || !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(event.type)) {
    errors.push({ field: 'type', message: `type must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` });
  }
  if (typeof event.createdAt !== 'string' || event.createdAt.length > 64 || Number.isNaN(Date.parse(event.createdAt))) {
    errors.push({ field: 'createdAt', message: 'createdAt must be an ISO-8601 timestamp' });
  }
  if (typeof data.paymentId !== 'string' || !isUuid(data.paymentId))
    errors.push({ field: 'data.paymentId', message: 'paymentId must be a UUID' });
  if (typeof data.orderId !== 'string' || !isUuid(data.orderId)) errors.push({ field: 'data.orderId', message: 'orderId must be a UUID' });
  if (errors.length) throw new ValidationFailedError(errors, 'The webhook event is malformed.');
  return {
    id: event.id as string,
    type: event.type as WebhookEventType,
    createdAt: event.createdAt as string,
    data: { paymentId: (data.paymentId as string).toLowerCase(), orderId: (data.orderId as string).toLowerCase() },
  };
}

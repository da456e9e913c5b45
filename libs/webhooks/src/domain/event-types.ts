/** The event types an endpoint may subscribe to (API.md "Events"); `*` means all of them. */
export const WEBHOOK_EVENT_TYPES = [
  'order.placed',
  'order.paid',
  'order.cancelled',
  'order.fulfilled',
  'order.delivered',
  'order.refunded',
  'payment.succeeded',
  'payment.failed',
  'inventory.low_stock',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const ALL_EVENTS = '*';

/** Sent by `POST /admin/webhooks/{id}/ping`, whatever the endpoint subscribes to. */
export const PING_EVENT_TYPE = 'ping';

export const SUBSCRIPTION_VALUES: readonly string[] = [...WEBHOOK_EVENT_TYPES, ALL_EVENTS];

/** An event as it is fanned out and delivered: `{id, type, occurredAt, data}`. */
export interface WebhookEvent {
  id: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

/**
 * The order an event is about, so deliveries to one endpoint about one order go out in event
 * order: an order's own id for `order.*`, `orderId` for payments; other events are unordered.
 */
export function orderKeyOf(event: WebhookEvent): string | null {
  if (event.type.startsWith('order.') && typeof event.data.id === 'string') return event.data.id;
  if (event.type.startsWith('payment.') && typeof event.data.orderId === 'string') return event.data.orderId;
  return null;
}

/** Deduplicated; `*` stands alone. Returns null when the list is not a valid subscription. */
export function normaliseSubscription(events: readonly string[]): string[] | null {
  const unique = [...new Set(events)];
  if (unique.length === 0 || !unique.every((type) => SUBSCRIPTION_VALUES.includes(type))) return null;
  if (unique.includes(ALL_EVENTS) && unique.length > 1) return null;
  return unique;
}

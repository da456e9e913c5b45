import type { WebhookEvent } from './event-types';

/** The JSON sent to receivers; serialised once so every attempt sends (and signs) the same bytes. */
export function webhookBody(event: WebhookEvent): string {
  return JSON.stringify({ id: event.id, type: event.type, occurredAt: event.occurredAt, data: event.data });
}

import type { AttemptResult } from '../domain/webhook-delivery';

/** One POST to a receiver: no redirects followed, a bounded time and a bounded response read. */
export abstract class WebhookSender {
  abstract post(url: string, headers: Record<string, string>, body: string): Promise<AttemptResult>;
}

/**
 * Throws WebhookUrlNotAllowedError for a URL we must not call: wrong scheme, or (in production,
 * unless allowed) a host that resolves to a private address. Checked at registration and again
 * before every attempt, since DNS can change.
 */
export abstract class WebhookUrlPolicy {
  abstract check(url: string): Promise<void>;
}

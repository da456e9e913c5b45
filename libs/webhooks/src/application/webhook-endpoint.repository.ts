import type { WebhookEndpoint } from '../domain/webhook-endpoint';

export interface EndpointRow {
  endpoint: WebhookEndpoint;
  /** Keyset position of the listing (newest first). */
  seq: string;
}

export type EndpointChanges = Partial<Pick<WebhookEndpoint, 'url' | 'events' | 'description' | 'active'>>;

export abstract class WebhookEndpointRepository {
  abstract insert(endpoint: WebhookEndpoint, sealedSecret: Buffer): Promise<void>;
  abstract findById(id: string): Promise<WebhookEndpoint | null>;
  abstract list(afterSeq: string | null, limit: number): Promise<EndpointRow[]>;
  abstract update(id: string, changes: EndpointChanges, now: Date): Promise<WebhookEndpoint | null>;
  abstract delete(id: string): Promise<boolean>;
  abstract replaceSecret(id: string, sealedSecret: Buffer, now: Date): Promise<boolean>;
  abstract findSecret(id: string): Promise<Buffer | null>;
  /** Starts the failure run at `now` unless one is already running. */
  abstract markFailing(id: string, now: Date): Promise<void>;
  abstract markHealthy(id: string): Promise<void>;
  /** Deactivates the endpoint if it is active and has been failing since `threshold` or earlier. */
  abstract disableIfFailingSince(id: string, threshold: Date, now: Date): Promise<boolean>;
}

import type { WebhookEvent } from '../domain/event-types';
import type { DeliveryStatus, WebhookDelivery } from '../domain/webhook-delivery';

export interface NewDeliveries {
  event: WebhookEvent;
  body: string;
  orderKey: string | null;
  now: Date;
}

export interface AttemptRecord {
  status: DeliveryStatus;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  now: Date;
}

export interface DeliveryRow {
  delivery: WebhookDelivery;
  seq: string;
}

export abstract class WebhookDeliveryRepository {
  /** One delivery per active endpoint subscribed to the event's type (or `*`); an (endpoint, event) pair at most once. */
  abstract createForSubscribers(deliveries: NewDeliveries): Promise<WebhookDelivery[]>;
  /** One delivery for one endpoint whatever it subscribes to (ping). */
  abstract createForEndpoint(endpointId: string, deliveries: NewDeliveries): Promise<WebhookDelivery | null>;
  /**
   * Claims the delivery for one attempt until `leaseUntil`: only when it is pending or failed,
   * due, not claimed by another run, and no earlier delivery to the same endpoint about the same
   * order is still pending or failed (that keeps events per order in order).
   */
  abstract claim(id: string, now: Date, leaseUntil: Date): Promise<WebhookDelivery | null>;
  /**
   * When an open delivery that could not be claimed at `now` may be claimed: its next attempt
   * time, or the end of another run's claim; null when it is settled, gone, or simply held back
   * (behind an earlier delivery, or its endpoint inactive: those are woken when that changes).
   */
  abstract dueLater(id: string, now: Date): Promise<Date | null>;
  abstract recordAttempt(id: string, record: AttemptRecord): Promise<void>;
  /** The oldest open delivery waiting behind `id` (same endpoint and order), if any. */
  abstract nextInLine(id: string): Promise<WebhookDelivery | null>;
  abstract findForEndpoint(endpointId: string, deliveryId: string): Promise<WebhookDelivery | null>;
  abstract listForEndpoint(endpointId: string, beforeSeq: string | null, limit: number): Promise<DeliveryRow[]>;
  /** Makes the delivery due now (`pending` again when it had succeeded or was dead); null when there is no such delivery. */
  abstract requeue(endpointId: string, deliveryId: string, now: Date): Promise<WebhookDelivery | null>;
  /** Open (pending or failed) deliveries, of one endpoint or of all, to schedule them again (re-activation). */
  abstract listOpen(endpointId: string | null, limit: number): Promise<WebhookDelivery[]>;
  abstract countDead(): Promise<number>;
}

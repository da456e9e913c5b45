import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Metrics } from '../observability/metrics';
import type { DomainEvent } from './domain-event';
import { FAN_OUT_POLICY, FAN_OUT_QUEUE } from './fan-out-queue';
import { EventSubscribers, subscriberQueue } from './event-subscribers';
import { JobHandlers } from './job-handlers';
import { JobQueue } from './job-queue';

/**
 * Turns one committed event into one job per subscriber. The job ids derive from the event and
 * the subscriber, so a repeated fan-out (a crash between two sends) enqueues nothing twice.
 */
@Injectable()
export class EventFanOut {
  constructor(
    handlers: JobHandlers,
    private readonly subscribers: EventSubscribers,
    private readonly queue: JobQueue,
    private readonly metrics: Metrics,
  ) {
    handlers.add<DomainEvent>({ ...FAN_OUT_POLICY, queue: FAN_OUT_QUEUE, handle: (event) => this.fanOut(event) });
  }

  private async fanOut(event: DomainEvent): Promise<void> {
    for (const subscriber of this.subscribers.for(event.type)) {
      const queue = subscriberQueue(subscriber.name);
      await this.queue.ensureQueue(queue, subscriber);
      await this.queue.boss.send(queue, event as object, { id: derivedId(event.id, subscriber.name) });
    }
    this.observe(event);
  }

  private observe(event: DomainEvent): void {
    this.metrics.events.inc({ type: event.type });
    const data = event.data as { total?: { amount: number; currency: string } };
    if (event.type === 'order.placed' && data.total) {
      this.metrics.ordersPlaced.inc();
      this.metrics.ordersPlacedValue.inc({ currency: data.total.currency }, data.total.amount);
    }
    if (event.type === 'payment.succeeded') this.metrics.payments.inc({ outcome: 'succeeded' });
    if (event.type === 'payment.failed') this.metrics.payments.inc({ outcome: 'failed' });
  }
}

/** A UUID (version 8 layout) from a SHA-256 of the parts. */
function derivedId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

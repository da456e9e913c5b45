import { Injectable } from '@nestjs/common';
import type { DomainEvent } from './domain-event';
import { JobHandlers, JobRetryPolicy } from './job-handlers';

export interface EventSubscriber extends JobRetryPolicy {
  /** Stable name; its jobs go through the queue `event.<name>`. */
  name: string;
  /** Event types, or `['*']` for all. */
  events: string[];
  /** Must be idempotent (dedupe by `event.id`): delivery is at least once. */
  handle(event: DomainEvent): Promise<unknown>;
}

/** Default subscriber retries: about 10 s, 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, then dead. */
const DEFAULT_RETRIES: JobRetryPolicy = { retryLimit: 7, retryDelaySeconds: 10, backoff: true };

export function subscriberQueue(name: string): string {
  return `event.${name}`;
}

/**
 * Who wants which events. Each committed event is fanned out as one job per matching subscriber,
 * so each is retried on its own, with backoff, and ends dead after its last attempt.
 */
@Injectable()
export class EventSubscribers {
  private readonly subscribers = new Map<string, EventSubscriber>();

  constructor(private readonly handlers: JobHandlers) {}

  add(subscriber: EventSubscriber): void {
    this.subscribers.set(subscriber.name, subscriber);
    this.handlers.add<DomainEvent>({
      ...DEFAULT_RETRIES,
      ...pickPolicy(subscriber),
      queue: subscriberQueue(subscriber.name),
      handle: (event) => subscriber.handle(event),
    });
  }

  for(type: string): EventSubscriber[] {
    return [...this.subscribers.values()].filter((s) => s.events.includes('*') || s.events.includes(type));
  }
}

function pickPolicy({ retryLimit, retryDelaySeconds, backoff, timeoutSeconds }: JobRetryPolicy): JobRetryPolicy {
  return Object.fromEntries(
    Object.entries({ retryLimit, retryDelaySeconds, backoff, timeoutSeconds }).filter(([, value]) => value !== undefined),
  );
}

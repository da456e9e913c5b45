import { Injectable } from '@nestjs/common';

export interface JobRetryPolicy {
  /** Attempts after the first before the job is dead. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Exponential backoff (with pg-boss's jitter) from `retryDelaySeconds`. */
  backoff?: boolean;
  /** A run still active after this long counts as crashed and is retried. */
  timeoutSeconds?: number;
}

export interface JobHandler<T = unknown> extends JobRetryPolicy {
  queue: string;
  /** Must be idempotent: a crash mid-run repeats it. */
  handle(data: T, job: { id: string }): Promise<unknown>;
}

type Listener = (handler: JobHandler) => void;

/** The job handlers of the app; a handler added after the worker started is worked at once. */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly listeners: Listener[] = [];

  add<T>(handler: JobHandler<T>): void {
    if (this.handlers.has(handler.queue)) throw new Error(`Job queue ${handler.queue} has two handlers`);
    this.handlers.set(handler.queue, handler as JobHandler);
    for (const listener of this.listeners) listener(handler as JobHandler);
  }

  list(): JobHandler[] {
    return [...this.handlers.values()];
  }

  onAdd(listener: Listener): void {
    this.listeners.push(listener);
  }
}

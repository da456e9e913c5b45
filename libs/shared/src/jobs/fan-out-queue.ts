import type { JobRetryPolicy } from './job-handlers';

/** The queue every committed event goes through first; it exists before any transaction may enqueue. */
export const FAN_OUT_QUEUE = 'events.fan-out';
export const FAN_OUT_POLICY: JobRetryPolicy = { retryLimit: 10, retryDelaySeconds: 1, backoff: true };

export type AttemptOutcome = 'succeeded' | 'failed' | 'dead';

export abstract class WebhookMetrics {
  abstract attempted(outcome: AttemptOutcome): void;
  abstract endpointDisabled(): void;
}

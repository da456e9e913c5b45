/** A fact that happened, as subscribers and webhooks receive it; `data` is the resource as the admin API shows it. */
export interface DomainEvent<T = unknown> {
  id: string;
  type: string;
  occurredAt: string;
  data: T;
  /**
   * Secrets for this deployment's own subscribers, each sealed with SealedBox (e.g. a guest's
   * order token for the confirmation e-mail). They travel only in the jobs: never in
   * `domain_events`, never to webhook receivers (which get id, type, occurredAt and data).
   */
  sealed?: Record<string, string>;
}

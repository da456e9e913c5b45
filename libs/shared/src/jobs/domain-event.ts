/** A fact that happened, as subscribers and webhooks receive it; `data` is the resource as the admin API shows it. */
export interface DomainEvent<T = unknown> {
  id: string;
  type: string;
  occurredAt: string;
  data: T;
}

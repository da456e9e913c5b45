/** A registered receiver. The signing secret is not part of it: it lives encrypted in its own column. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  active: boolean;
  /** Set at the first failed attempt of a run of failures; cleared by a success. */
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

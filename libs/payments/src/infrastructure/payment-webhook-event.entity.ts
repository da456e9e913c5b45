import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Mirrors `payment_webhook_events`: each provider event id is applied once. */
@Entity({ name: 'payment_webhook_events' })
export class PaymentWebhookEventEntity {
  @PrimaryColumn('text')
  provider: string;
  @PrimaryColumn('text', { name: 'event_id' })
  eventId: string;
  @Column('text')
  type: string;
  @Column('jsonb')
  payload: Record<string, unknown>;
  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;
}

import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_STATUSES, DeliveryStatus, WebhookDelivery } from '../domain/webhook-delivery';

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ description: 'Sent as Webhook-Id on every attempt; receivers dedupe by it' })
  eventId: string;
  @ApiProperty({ example: 'order.paid' })
  eventType: string;
  @ApiProperty({
    enum: DELIVERY_STATUSES,
    enumName: 'WebhookDeliveryStatus',
    description: 'pending until the first attempt; failed with retries left (nextAttemptAt set); succeeded; dead',
  })
  status: DeliveryStatus;
  @ApiProperty({ type: 'integer', example: 1 })
  attempts: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 503, description: 'HTTP status of the last attempt' })
  lastStatusCode: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'HTTP 503' })
  lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextAttemptAt: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(delivery: WebhookDelivery): WebhookDeliveryResponse {
    return Object.assign(new WebhookDeliveryResponse(), {
      id: delivery.id,
      eventId: delivery.eventId,
      eventType: delivery.eventType,
      status: delivery.status,
      attempts: delivery.attempts,
      lastStatusCode: delivery.lastStatusCode,
      lastError: delivery.lastError,
      nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
      createdAt: delivery.createdAt.toISOString(),
    });
  }
}

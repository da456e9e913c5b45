import { ApiProperty } from '@nestjs/swagger';
import type { WebhookEndpoint } from '../domain/webhook-endpoint';

/** Built field by field: the secret is never part of it. */
export class WebhookEndpointResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'https://erp.example.com/hooks/congocart' })
  url: string;
  @ApiProperty({ type: [String], example: ['order.placed', 'order.paid'], description: 'Event types, or ["*"]' })
  events: string[];
  @ApiProperty({ type: String, nullable: true, example: 'Warehouse' })
  description: string | null;
  @ApiProperty({ description: 'false after an admin deactivated it or after a day of failed attempts' })
  active: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(endpoint: WebhookEndpoint): WebhookEndpointResponse {
    return Object.assign(new WebhookEndpointResponse(), {
      id: endpoint.id,
      url: endpoint.url,
      events: endpoint.events,
      description: endpoint.description,
      active: endpoint.active,
      createdAt: endpoint.createdAt.toISOString(),
    });
  }
}

/** Creation and rotation only: the one time the secret is shown. */
export class WebhookEndpointWithSecretResponse extends WebhookEndpointResponse {
  @ApiProperty({
    example: 'whsec_3q2-7wAbc…',
    description: 'The HMAC-SHA256 key of Webhook-Signature (its UTF-8 bytes). Shown once: store it now.',
  })
  secret: string;

  static withSecret(endpoint: WebhookEndpoint, secret: string): WebhookEndpointWithSecretResponse {
    return Object.assign(new WebhookEndpointWithSecretResponse(), WebhookEndpointResponse.from(endpoint), { secret });
  }
}

import { BoolField, StringArrayField, StringField } from '@congocart/shared';
import { SUBSCRIPTION_VALUES } from '../domain/event-types';

const EVENTS_PATTERN = new RegExp(`^(${SUBSCRIPTION_VALUES.map((value) => value.replace(/[.*]/g, '\\$&')).join('|')})$`);

export class CreateWebhookEndpointRequest {
  @StringField({
    maxLength: 2048,
    minLength: 1,
    description: 'https (http outside production). In production a host resolving to a private address is refused (400).',
    example: 'https://erp.example.com/hooks/congocart',
  })
  url: string;

  @StringArrayField({
    maxItems: 20,
    maxLength: 32,
    pattern: EVENTS_PATTERN,
    description: 'Event types to receive, or ["*"] for all',
    example: ['order.placed', 'order.paid'],
  })
  events: string[];

  @StringField({ maxLength: 500, nullable: true, description: 'Free text for the admins', example: 'Warehouse' })
  description?: string | null;

  @BoolField({ optional: true, description: 'Default true; an inactive endpoint receives nothing but pings', example: true })
  active?: boolean;
}

import { BoolField, StringArrayField, StringField } from '@congocart/shared';
import { SUBSCRIPTION_VALUES } from '../domain/event-types';

const EVENTS_PATTERN = new RegExp(`^(${SUBSCRIPTION_VALUES.map((value) => value.replace(/[.*]/g, '\\$&')).join('|')})$`);

/** Partial: only the fields sent change. */
export class UpdateWebhookEndpointRequest {
  @StringField({ maxLength: 2048, minLength: 1, optional: true, example: 'https://erp.example.com/hooks/congocart' })
  url?: string;

  @StringArrayField({ maxItems: 20, maxLength: 32, pattern: EVENTS_PATTERN, optional: true, example: ['*'] })
  events?: string[];

  @StringField({ maxLength: 500, nullable: true, description: 'null clears it' })
  description?: string | null;

  @BoolField({
    optional: true,
    description: 'true re-activates an endpoint (also one disabled automatically) and resumes its open deliveries',
  })
  active?: boolean;
}

import { IsISO8601 } from 'class-validator';
import { EnumField, PageQuery, StringField, UuidField } from '@congocart/shared';
import { ORDER_STATUSES } from '../domain/order-status';

export class ListOrdersQuery extends PageQuery {
  @EnumField(ORDER_STATUSES, { optional: true, enumName: 'OrderStatus', description: 'Only orders in this status' })
  status?: string;
}

export class ListAdminOrdersQuery extends ListOrdersQuery {
  @UuidField({ optional: true, description: 'Only this customer’s orders (a user id)' })
  customerId?: string;

  @StringField({
    maxLength: 40,
    optional: true,
    format: 'date-time',
    description: 'Created at or after (inclusive), ISO-8601',
    example: '2026-11-01T00:00:00.000Z',
  })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'from must be an ISO-8601 timestamp' })
  from?: string;

  @StringField({
    maxLength: 40,
    optional: true,
    format: 'date-time',
    description: 'Created before (exclusive), ISO-8601',
    example: '2026-12-01T00:00:00.000Z',
  })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'to must be an ISO-8601 timestamp' })
  to?: string;
}

import { BoolField, StringField } from '@congocart/shared';

/** The whole body is optional. */
export class RefundOrderRequest {
  @StringField({ maxLength: 500, optional: true, trim: true, description: 'Kept in the order history', example: 'Arrived damaged' })
  reason?: string;

  @BoolField({ optional: true, description: 'Put the returned units back on hand (delivered orders; default false)', example: false })
  restock?: boolean;
}

import { StringField } from '@congocart/shared';

export class FulfilOrderRequest {
  @StringField({ maxLength: 100, minLength: 1, trim: true, example: 'UPS' })
  carrier: string;

  @StringField({ maxLength: 100, minLength: 1, trim: true, example: '1Z999AA10123456784' })
  trackingNumber: string;
}

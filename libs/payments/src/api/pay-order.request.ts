import { StringField } from '@congocart/shared';

export class PayOrderRequest {
  @StringField({
    maxLength: 255,
    minLength: 1,
    description: 'Token of the payment method from the provider’s client SDK. Sandbox: tok_visa, tok_chargeDeclined, tok_pending.',
    example: 'tok_visa',
  })
  paymentToken: string;
}

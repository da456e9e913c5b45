import { StringField } from '@congocart/shared';

export class ApplyPromotionCodeRequest {
  @StringField({ minLength: 1, maxLength: 50, trim: true, description: 'Case-insensitive', example: 'WELCOME10' })
  code: string;
}

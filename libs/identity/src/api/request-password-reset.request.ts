import { StringField } from '@congocart/shared';
import { EMAIL_MAX_LENGTH } from '../domain/email-address';

export class RequestPasswordResetRequest {
  @StringField({ maxLength: EMAIL_MAX_LENGTH, minLength: 1, format: 'email', trim: true, lowercase: true, example: 'ada@example.com' })
  email: string;
}

import { StringField } from '@congocart/shared';
import { EMAIL_MAX_LENGTH } from '../domain/email-address';
import { PASSWORD_MAX_LENGTH } from '../domain/password-policy';

export class SignInRequest {
  @StringField({ maxLength: EMAIL_MAX_LENGTH, minLength: 1, format: 'email', trim: true, lowercase: true, example: 'ada@example.com' })
  email: string;

  @StringField({ maxLength: PASSWORD_MAX_LENGTH, minLength: 1, format: 'password', example: 'correct horse battery staple' })
  password: string;
}

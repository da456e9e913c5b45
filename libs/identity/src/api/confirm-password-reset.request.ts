import { StringField } from '@congocart/shared';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../domain/password-policy';
import { AccountTokenField } from './account-token.field';

export class ConfirmPasswordResetRequest {
  @AccountTokenField('The `token` of the reset link')
  token: string;

  @StringField({
    maxLength: PASSWORD_MAX_LENGTH,
    minLength: PASSWORD_MIN_LENGTH,
    format: 'password',
    description: '8–128 characters; not the e-mail address, not one character repeated',
    example: 'a new horse battery staple',
  })
  newPassword: string;
}

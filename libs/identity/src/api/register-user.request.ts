import { StringField } from '@congocart/shared';
import { EMAIL_MAX_LENGTH } from '../domain/email-address';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../domain/password-policy';
import { NAME_MAX_LENGTH } from '../domain/user';

export class RegisterUserRequest {
  @StringField({
    maxLength: EMAIL_MAX_LENGTH,
    minLength: 1,
    format: 'email',
    trim: true,
    lowercase: true,
    description: 'Trimmed and lower-cased; unique regardless of case',
    example: 'ada@example.com',
  })
  email: string;

  @StringField({ maxLength: NAME_MAX_LENGTH, minLength: 1, trim: true, description: 'Display name (trimmed)', example: 'Ada Lovelace' })
  name: string;

  @StringField({
    maxLength: PASSWORD_MAX_LENGTH,
    minLength: PASSWORD_MIN_LENGTH,
    format: 'password',
    description: '8–128 characters; not the e-mail address, not one character repeated',
    example: 'correct horse battery staple',
  })
  password: string;
}

import { StringField } from '@congocart/shared';

/** The token of an e-mailed link: 256 bits in base64url (43 characters); longer input is refused early. */
export function AccountTokenField(description: string): PropertyDecorator {
  return StringField({ maxLength: 128, minLength: 1, description, example: 'q3Vx0pX8m1b2T7wKc9sYf4hJr6nLd5aQe0uZiGo2vBk' });
}

import { StringField } from '@congocart/shared';

export class SignOutRequest {
  @StringField({
    maxLength: 128,
    minLength: 1,
    description: 'A refresh token of the session to end',
    example: 'mJ3f1vB4mX2c8KkQf7n9dP0wYt6sLr5aHq1zEo2uVgI',
  })
  refreshToken: string;
}

import { StringField } from '@congocart/shared';

export class RefreshSessionRequest {
  @StringField({
    maxLength: 128,
    minLength: 1,
    description: 'The refresh token of the latest session response',
    example: 'mJ3f1vB4mX2c8KkQf7n9dP0wYt6sLr5aHq1zEo2uVgI',
  })
  refreshToken: string;
}

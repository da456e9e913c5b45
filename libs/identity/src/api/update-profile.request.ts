import { StringField } from '@congocart/shared';
import { NAME_MAX_LENGTH } from '../domain/user';

export class UpdateProfileRequest {
  @StringField({
    maxLength: NAME_MAX_LENGTH,
    minLength: 1,
    optional: true,
    trim: true,
    description: 'Display name (trimmed)',
    example: 'Ada King',
  })
  name?: string;
}

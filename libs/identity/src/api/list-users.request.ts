import { EnumField, PageQuery, StringField } from '@congocart/shared';
import { EMAIL_MAX_LENGTH } from '../domain/email-address';
import { ROLES, Role } from '../domain/role';

export class ListUsersRequest extends PageQuery {
  @StringField({
    maxLength: EMAIL_MAX_LENGTH,
    optional: true,
    trim: true,
    lowercase: true,
    description: 'E-mail prefix, case-insensitive (`ada` matches `ada@example.com`; a full address matches it and any longer one)',
    example: 'ada',
  })
  email?: string;

  @EnumField(ROLES, { optional: true, enumName: 'Role', description: 'Only users with this role', example: 'staff' })
  role?: Role;
}

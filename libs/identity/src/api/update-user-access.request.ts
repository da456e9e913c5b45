import { BoolField, EnumField } from '@congocart/shared';
import { ROLES, Role } from '../domain/role';

export class UpdateUserAccessRequest {
  @EnumField(ROLES, { optional: true, enumName: 'Role', description: 'Applies from the user’s next sign-in or refresh', example: 'staff' })
  role?: Role;

  @BoolField({ optional: true, description: 'A disabled user cannot sign in or refresh; their refresh tokens are revoked', example: true })
  disabled?: boolean;
}

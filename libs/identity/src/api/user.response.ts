import { ApiProperty } from '@nestjs/swagger';
import { ROLES, Role } from '../domain/role';
import type { User } from '../domain/user';

/** A user as clients see it: never a password hash or any token secret. */
export class UserResponse {
  @ApiProperty({ format: 'uuid', example: '0b9f3c52-6f1e-4d4b-9a4e-2f0f5b1f7c11' })
  id: string;

  @ApiProperty({ example: 'ada@example.com', description: 'Trimmed and lower-cased' })
  email: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  name: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', example: 'customer' })
  role: Role;

  @ApiProperty({ example: false })
  disabled: boolean;

  @ApiProperty({ example: true, description: 'Whether the owner confirmed the e-mail address (link of the verification e-mail)' })
  emailVerified: boolean;

  @ApiProperty({ format: 'date-time', example: '2026-11-24T10:00:00.000Z' })
  createdAt: string;

  static from(user: User): UserResponse {
    return Object.assign(new UserResponse(), {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      disabled: user.disabled,
      emailVerified: user.emailVerified,
      createdAt: user.createdAt.toISOString(),
    });
  }
}

import { Injectable } from '@nestjs/common';
import { NotFoundError, Transactional } from '@congocart/shared';
import { LastAdminError } from '../domain/identity.errors';
import { AccessChange, removesLastAdmin } from '../domain/last-admin-rule';
import type { User } from '../domain/user';
import { RefreshTokenRepository } from './refresh-token-repository.port';
import { UserRepository } from './user-repository.port';

/**
 * An admin changes a user's role or disabled flag. The target and all active admins are locked
 * first, so two admins demoting each other at once cannot leave the store without an admin.
 * Disabling also revokes the user's refresh tokens; a role change applies from the next
 * sign-in or refresh.
 */
@Injectable()
export class UpdateUserAccess {
  constructor(
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
  ) {}

  @Transactional()
  async execute(userId: string, change: AccessChange): Promise<User> {
    const { target, activeAdminIds } = await this.users.lockForAccessChange(userId);
    if (!target) throw new NotFoundError('User');
    if (removesLastAdmin(target, change, activeAdminIds)) throw new LastAdminError();
    if (change.role === undefined && change.disabled === undefined) return target;
    const updated = await this.users.updateAccess(userId, change);
    if (change.disabled === true) await this.refreshTokens.revokeAllOf(userId);
    return updated;
  }
}

import { Injectable } from '@nestjs/common';
import { NotFoundError, Transactional } from '@congocart/shared';
import { LastAdminError } from '../domain/identity.errors';
import { AccessChange, removesLastAdmin } from '../domain/last-admin-rule';
import type { User } from '../domain/user';
import { AccessChanges } from './access-state.port';
import { CurrentAccess } from './current-access';
import { RefreshTokenRepository } from './refresh-token-repository.port';
import { UserRepository } from './user-repository.port';

/**
 * An admin changes a user's role or disabled flag. The target and all active admins are locked
 * first, so two admins demoting each other at once cannot leave the store without an admin.
 * Disabling also revokes the user's refresh tokens. Either change applies to the user's access
 * tokens at once (CurrentAccess is told on commit, on every instance).
 */
@Injectable()
export class UpdateUserAccess {
  constructor(
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly changes: AccessChanges,
    private readonly access: CurrentAccess,
  ) {}

  async execute(userId: string, change: AccessChange): Promise<User> {
    const user = await this.apply(userId, change);
    this.access.forget(userId); // after the commit, so no request re-caches the old access
    return user;
  }

  @Transactional()
  private async apply(userId: string, change: AccessChange): Promise<User> {
    const { target, activeAdminIds } = await this.users.lockForAccessChange(userId);
    if (!target) throw new NotFoundError('User');
    if (removesLastAdmin(target, change, activeAdminIds)) throw new LastAdminError();
    if (change.role === undefined && change.disabled === undefined) return target;
    const updated = await this.users.updateAccess(userId, change);
    if (change.disabled === true) await this.refreshTokens.revokeAllOf(userId);
    await this.changes.announce(userId);
    return updated;
  }
}

import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@congocart/shared';
import type { Actor } from '../domain/role';
import type { User } from '../domain/user';
import { UserAccountRepository } from './user-account-repository.port';
import { UserRepository } from './user-repository.port';

/** The signed-in user changes their own profile (for now: the display name). */
@Injectable()
export class UpdateProfile {
  constructor(
    private readonly accounts: UserAccountRepository,
    private readonly users: UserRepository,
  ) {}

  async execute(actor: Actor, change: { name?: string }): Promise<User> {
    const user =
      change.name === undefined ? await this.users.findById(actor.userId) : await this.accounts.updateName(actor.userId, change.name);
    if (!user) throw new NotFoundError('User');
    return user;
  }
}

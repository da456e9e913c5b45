import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@congocart/shared';
import type { Actor } from '../domain/role';
import type { User } from '../domain/user';
import { UserRepository } from './user-repository.port';

/** The signed-in user's account as stored now (role and status may differ from the token's). */
@Injectable()
export class GetCurrentUser {
  constructor(private readonly users: UserRepository) {}

  async execute(actor: Actor): Promise<User> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw new NotFoundError('User');
    return user;
  }
}

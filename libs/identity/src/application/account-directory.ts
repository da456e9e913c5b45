import { Injectable } from '@nestjs/common';
import { UserRepository } from './user-repository.port';

/** What other contexts may read about an account: its e-mail address (checkout snapshots it on the order). */
@Injectable()
export class AccountDirectory {
  constructor(private readonly users: UserRepository) {}

  async emailOf(userId: string): Promise<string | null> {
    return (await this.users.findById(userId))?.email ?? null;
  }
}

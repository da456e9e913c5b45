import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, InvalidCursorError, isUuid, Page, toPage } from '@congocart/shared';
import type { Role } from '../domain/role';
import type { User } from '../domain/user';
import { normaliseEmail } from '../domain/email-address';
import { UserListPosition, UserRepository } from './user-repository.port';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
export interface ListUsersQuery {
  /** Prefix of the e-mail address, compared case-insensitively. */
  email?: string;
  role?: Role;
  limit: number;
  cursor?: string;
}

/** Users for administration, newest first, keyset-paged. */
@Injectable()
export class ListUsers {
  constructor(private readonly users: UserRepository) {}

  async execute(query: ListUsersQuery): Promise<Page<User>> {
    const filter = { emailPrefix: query.email === undefined ? undefined : normaliseEmail(query.email), role: query.role };
    const scope = { list: 'admin-users', ...filter, sort: '-createdAt' };
    let after: UserListPosition | null = null;
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, scope, 2);
      // A cursor is opaque but not secret: check its keys before they reach SQL.
      if (typeof createdAt !== 'string' || !TIMESTAMP.test(createdAt) || typeof id !== 'string' || !isUuid(id))
        throw new InvalidCursorError();
      after = { createdAt, id };
    }
    const rows = await this.users.list(filter, after, query.limit + 1);
    return toPage(
      rows,
      query.limit,
      (row) => row.user,
      (row) => encodeCursor([row.position.createdAt, row.position.id], scope),
    );
  }
}

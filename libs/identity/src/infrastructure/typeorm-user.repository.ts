import { Injectable } from '@nestjs/common';
import { prepared, runPrepared, TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import type { Role } from '../domain/role';
import type { User, UserWithCredentials } from '../domain/user';
import {
  LockedAccessState,
  NewUser,
  UserListFilter,
  UserListPosition,
  UserListRow,
  UserRepository,
} from '../application/user-repository.port';
import { queryRows } from './query-rows';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  email_verified: boolean;
  created_at: Date;
}

export const USER_COLUMNS = 'id, email, name, role, disabled, email_verified, created_at';
const FIND_BY_ID = prepared(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`);
// Keyset positions keep the full microsecond precision that a JS Date would lose.
const POSITION = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position`;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    emailVerified: row.email_verified,
    createdAt: row.created_at,
  };
}

/** `email LIKE prefix%` where the prefix is taken literally. */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

@Injectable()
export class TypeOrmUserRepository extends UserRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async insert(user: NewUser): Promise<User | null> {
    const rows = await queryRows<UserRow>(
      this.txHost.tx,
      `INSERT INTO users (email, name, password_hash, role) VALUES ($1, $2, $3, $4)
       ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING ${USER_COLUMNS}`,
      [user.email, user.name, user.passwordHash, user.role],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  async upsert(user: NewUser): Promise<User> {
    const rows = await queryRows<UserRow>(
      this.txHost.tx,
      `INSERT INTO users (email, name, password_hash, role) VALUES ($1, $2, $3, $4)
       ON CONFLICT ((lower(email))) DO UPDATE
         SET name = EXCLUDED.name, password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, disabled = false, updated_at = now()
       RETURNING ${USER_COLUMNS}`,
      [user.email, user.name, user.passwordHash, user.role],
    );
    return toUser(rows[0]);
  }

  async findById(id: string): Promise<User | null> {
    // Prepared: checkout reads the buyer here on every order.
    const rows = await runPrepared<UserRow[]>(this.txHost.tx, FIND_BY_ID, [id]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async findWithCredentials(email: string): Promise<UserWithCredentials | null> {
    const rows = await queryRows<UserRow & { password_hash: string }>(
      this.txHost.tx,
      `SELECT ${USER_COLUMNS}, password_hash FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows[0] ? { ...toUser(rows[0]), passwordHash: rows[0].password_hash } : null;
  }

  async list(filter: UserListFilter, after: UserListPosition | null, limit: number): Promise<UserListRow[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.emailPrefix !== undefined) {
      params.push(likePrefix(filter.emailPrefix));
      conditions.push(`email LIKE $${params.length}`);
    }
    if (filter.role !== undefined) {
      params.push(filter.role);
      conditions.push(`role = $${params.length}`);
    }
    if (after) {
      params.push(after.createdAt, after.id);
      conditions.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit);
    const rows = await queryRows<UserRow & { position: string }>(
      this.txHost.tx,
      `SELECT ${USER_COLUMNS}, ${POSITION} FROM users
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC
       LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => ({ user: toUser(row), position: { createdAt: row.position, id: row.id } }));
  }

  async lockForAccessChange(userId: string): Promise<LockedAccessState> {
    // One statement, rows locked in id order, so concurrent changes queue instead of deadlocking.
    const rows = await queryRows<UserRow>(
      this.txHost.tx,
      `SELECT ${USER_COLUMNS} FROM users
       WHERE id = $1 OR (role = 'admin' AND NOT disabled)
       ORDER BY id
       FOR UPDATE`,
      [userId],
    );
    // The locked values are current (PostgreSQL re-checks rows it had to wait for); the target
    // may be any user, so pick the active admins out again.
    const target = rows.find((row) => row.id === userId);
    return {
      target: target ? toUser(target) : null,
      activeAdminIds: rows.filter((row) => row.role === 'admin' && !row.disabled).map((row) => row.id),
    };
  }

  async updateAccess(userId: string, change: { role?: Role; disabled?: boolean }): Promise<User> {
    const rows = await queryRows<UserRow>(
      this.txHost.tx,
      `UPDATE users SET role = COALESCE($2, role), disabled = COALESCE($3, disabled), updated_at = now()
       WHERE id = $1
       RETURNING ${USER_COLUMNS}`,
      [userId, change.role ?? null, change.disabled ?? null],
    );
    return toUser(rows[0]);
  }
}

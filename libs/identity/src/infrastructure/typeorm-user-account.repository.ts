import { Injectable } from '@nestjs/common';
import { TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { UserAccountRepository } from '../application/user-account-repository.port';
import type { User } from '../domain/user';
import { queryRows } from './query-rows';
import { toUser, USER_COLUMNS, UserRow } from './typeorm-user.repository';

@Injectable()
export class TypeOrmUserAccountRepository extends UserAccountRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async updateName(userId: string, name: string): Promise<User | null> {
    const rows = await queryRows<UserRow>(
      this.txHost.tx,
      `UPDATE users SET name = $2, updated_at = now() WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [userId, name],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  async findPasswordHash(userId: string): Promise<{ email: string; passwordHash: string } | null> {
    const rows = await queryRows<{ email: string; password_hash: string }>(
      this.txHost.tx,
      `SELECT email, password_hash FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0] ? { email: rows[0].email, passwordHash: rows[0].password_hash } : null;
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.txHost.tx.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [userId, passwordHash]);
  }

  async markEmailVerified(userId: string): Promise<void> {
    await this.txHost.tx.query(`UPDATE users SET email_verified = true, updated_at = now() WHERE id = $1 AND NOT email_verified`, [userId]);
  }

  async lockAddressBook(userId: string): Promise<boolean> {
    const rows = await queryRows(this.txHost.tx, `SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE`, [userId]);
    return rows.length > 0;
  }
}

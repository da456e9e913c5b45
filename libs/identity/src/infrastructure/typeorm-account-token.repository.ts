import { Injectable } from '@nestjs/common';
import { TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import {
  AccountTokenHolder,
  AccountTokenRepository,
  IssuedAccountToken,
  NewAccountToken,
} from '../application/account-token-repository.port';
import type { AccountTokenPurpose } from '../domain/account-token';
import { queryRows } from './query-rows';

interface IssuedRow {
  id: string;
  user_id: string;
  email: string;
  name: string;
}

const VALID = `t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > now()`;

@Injectable()
export class TypeOrmAccountTokenRepository extends AccountTokenRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  issueForEmail(email: string, token: NewAccountToken): Promise<IssuedAccountToken | null> {
    return this.issue(`lower(u.email) = lower($4)`, email, token);
  }

  issueForUser(userId: string, token: NewAccountToken): Promise<IssuedAccountToken | null> {
    return this.issue(`u.id = $4`, userId, token);
  }

  private async issue(condition: string, key: string, token: NewAccountToken): Promise<IssuedAccountToken | null> {
    // INSERT … SELECT: for no (enabled) account the same statement simply inserts nothing.
    const rows = await queryRows<IssuedRow>(
      this.txHost.tx,
      `WITH target AS (SELECT u.id, u.email, u.name FROM users u WHERE ${condition} AND NOT u.disabled),
            issued AS (
              INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at)
              SELECT id, $1::text, $2::bytea, now() + make_interval(secs => $3::int) FROM target
              RETURNING id, user_id)
       SELECT issued.id, issued.user_id, target.email, target.name FROM issued JOIN target ON target.id = issued.user_id`,
      [token.purpose, token.tokenHash, token.ttlSeconds, key],
    );
    const row = rows[0];
    return row ? { tokenId: row.id, userId: row.user_id, email: row.email, name: row.name } : null;
  }

  async findValid(tokenHash: Buffer, purpose: AccountTokenPurpose): Promise<AccountTokenHolder | null> {
    const rows = await queryRows<{ user_id: string; email: string }>(
      this.txHost.tx,
      `SELECT t.user_id, u.email FROM account_tokens t JOIN users u ON u.id = t.user_id WHERE ${VALID} AND NOT u.disabled`,
      [tokenHash, purpose],
    );
    return rows[0] ? { userId: rows[0].user_id, email: rows[0].email } : null;
  }

  async spend(tokenHash: Buffer, purpose: AccountTokenPurpose): Promise<AccountTokenHolder | null> {
    const rows = await queryRows<{ user_id: string; email: string }>(
      this.txHost.tx,
      `UPDATE account_tokens t SET used_at = now()
       FROM users u
       WHERE u.id = t.user_id AND NOT u.disabled AND ${VALID}
       RETURNING t.user_id, u.email`,
      [tokenHash, purpose],
    );
    return rows[0] ? { userId: rows[0].user_id, email: rows[0].email } : null;
  }

  async spendAllOf(userId: string, purpose: AccountTokenPurpose): Promise<void> {
    await this.txHost.tx.query(`UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [
      userId,
      purpose,
    ]);
  }
}

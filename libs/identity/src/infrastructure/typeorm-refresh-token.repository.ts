import { Injectable } from '@nestjs/common';
import { TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import {
  NewRefreshToken,
  RefreshTokenRepository,
  SpentRefreshToken,
  StoredRefreshToken,
} from '../application/refresh-token-repository.port';
import { queryRows } from './query-rows';

@Injectable()
export class TypeOrmRefreshTokenRepository extends RefreshTokenRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async insert(token: NewRefreshToken): Promise<void> {
    await this.txHost.tx.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [token.userId, token.familyId, token.tokenHash, token.ttlSeconds],
    );
  }

  async spend(tokenHash: Buffer): Promise<SpentRefreshToken | null> {
    const rows = await queryRows<{ user_id: string; family_id: string }>(
      this.txHost.tx,
      `UPDATE refresh_tokens SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
       RETURNING user_id, family_id`,
      [tokenHash],
    );
    return rows[0] ? { userId: rows[0].user_id, familyId: rows[0].family_id } : null;
  }

  async find(tokenHash: Buffer): Promise<StoredRefreshToken | null> {
    const rows = await queryRows<{ family_id: string; used_at: Date | null; revoked_at: Date | null; expires_at: Date }>(
      this.txHost.tx,
      `SELECT family_id, used_at, revoked_at, expires_at FROM refresh_tokens WHERE token_hash = $1`,
      [tokenHash],
    );
    const row = rows[0];
    return row ? { familyId: row.family_id, usedAt: row.used_at, revokedAt: row.revoked_at, expiresAt: row.expires_at } : null;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.txHost.tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }

  async revokeFamilyOf(tokenHash: Buffer): Promise<string | null> {
    const rows = await queryRows<{ user_id: string }>(
      this.txHost.tx,
      `WITH target AS (SELECT family_id, user_id FROM refresh_tokens WHERE token_hash = $1),
            revoked AS (UPDATE refresh_tokens SET revoked_at = now()
                        WHERE family_id = (SELECT family_id FROM target) AND revoked_at IS NULL)
       SELECT user_id FROM target`,
      [tokenHash],
    );
    return rows[0]?.user_id ?? null;
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.txHost.tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { prepared, runPrepared } from '@congocart/shared';
import { AccessState, AccessStateReader } from '../application/access-state.port';
import { isRole } from '../domain/role';

/** One indexed query: the user's role and flag, and whether its session has a live member. */
@Injectable()
export class SqlAccessStateReader extends AccessStateReader {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async read(userId: string, sessionId: string): Promise<AccessState | null> {
    const rows: { role: string; disabled: boolean; session_live: boolean }[] = await runPrepared(
      this.dataSource,
      prepared(
        `SELECT u.role, u.disabled,
              EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = $2 AND r.user_id = u.id AND r.revoked_at IS NULL) AS session_live
       FROM users u WHERE u.id = $1`,
      ),
      [userId, sessionId],
    );
    const row = rows[0];
    if (!row || !isRole(row.role)) return null;
    return { role: row.role, disabled: row.disabled, sessionLive: row.session_live };
  }
}

import type { Role } from '../domain/role';

/** What an access token's holder may do right now, read from the database. */
export interface AccessState {
  role: Role;
  disabled: boolean;
  /** The token's session (refresh-token family) has not been revoked (sign-out, theft detection, disable). */
  sessionLive: boolean;
}

export abstract class AccessStateReader {
  /** null: no such user. */
  abstract read(userId: string, sessionId: string): Promise<AccessState | null>;
}

/**
 * Tells every API instance that a user's access changed (role, disabled, a session revoked), so
 * their caches drop it at once. Called inside the changing transaction: delivered on commit.
 */
export abstract class AccessChanges {
  abstract announce(userId: string): Promise<void>;
}

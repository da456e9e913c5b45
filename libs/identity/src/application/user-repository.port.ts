import type { Role } from '../domain/role';
import type { User, UserWithCredentials } from '../domain/user';

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
}

export interface UserListFilter {
  /** A normalised e-mail prefix. */
  emailPrefix?: string;
  role?: Role;
}

/** Keyset position in the newest-first list: the last row's creation time (µs precision) and id. */
export interface UserListPosition {
  createdAt: string;
  id: string;
}

export interface UserListRow {
  user: User;
  position: UserListPosition;
}

/** The target of an access change and the active admins, both locked until the transaction ends. */
export interface LockedAccessState {
  target: User | null;
  activeAdminIds: string[];
}

export abstract class UserRepository {
  /** Inserts the user, or returns null when the e-mail address is taken (atomic, race-safe). */
  abstract insert(user: NewUser): Promise<User | null>;
  /** Creates the account or overwrites its name, role and hash, and enables it (atomic upsert). */
  abstract upsert(user: NewUser): Promise<User>;
  abstract findById(id: string): Promise<User | null>;
  abstract findWithCredentials(email: string): Promise<UserWithCredentials | null>;
  /** Newest first; fetches up to `limit` rows after `after`. */
  abstract list(filter: UserListFilter, after: UserListPosition | null, limit: number): Promise<UserListRow[]>;
  /** Locks the target and every active admin (call inside a transaction). */
  abstract lockForAccessChange(userId: string): Promise<LockedAccessState>;
  abstract updateAccess(userId: string, change: { role?: Role; disabled?: boolean }): Promise<User>;
}

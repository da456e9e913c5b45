import type { User } from '../domain/user';

/** The writes of a user's own account settings (profile, password, verification). */
export abstract class UserAccountRepository {
  abstract updateName(userId: string, name: string): Promise<User | null>;
  abstract findPasswordHash(userId: string): Promise<{ email: string; passwordHash: string } | null>;
  abstract setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  abstract markEmailVerified(userId: string): Promise<void>;
  /**
   * Locks the user's row against other address-book changes until the transaction ends (FOR NO
   * KEY UPDATE: other writes that reference the user, e.g. sign-ins, are not blocked); false when
   * there is no such user.
   */
  abstract lockAddressBook(userId: string): Promise<boolean>;
}

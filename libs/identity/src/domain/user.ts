import type { Role } from './role';

/** A user account as the rest of the system sees it (never with its password hash). */
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  /** Set once the owner followed the link of a verification e-mail. */
  emailVerified: boolean;
  createdAt: Date;
}

/** A user with the stored argon2id hash, for verifying a sign-in. Never leaves the server. */
export interface UserWithCredentials extends User {
  passwordHash: string;
}

export const NAME_MAX_LENGTH = 100;

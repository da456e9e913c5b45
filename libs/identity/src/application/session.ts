import type { User } from '../domain/user';

/** What register, login and refresh answer: the user, an access JWT and a refresh token. */
export interface Session {
  user: User;
  accessToken: string;
  refreshToken: string;
  /** The access token's lifetime in seconds. */
  expiresIn: number;
}

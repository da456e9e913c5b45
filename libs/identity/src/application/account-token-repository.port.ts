import type { AccountTokenPurpose } from '../domain/account-token';

export interface NewAccountToken {
  purpose: AccountTokenPurpose;
  tokenHash: Buffer;
  /** Counted from the database clock. */
  ttlSeconds: number;
}

/** A token issued to an account, with what its e-mail needs. */
export interface IssuedAccountToken {
  tokenId: string;
  userId: string;
  email: string;
  name: string;
}

/** The account a valid (unused, unexpired) token belongs to. */
export interface AccountTokenHolder {
  userId: string;
  email: string;
}

export abstract class AccountTokenRepository {
  /**
   * Issues a token to the enabled account with this e-mail address, if there is one, in one
   * statement that costs the same whether or not there is (no enumeration through timing).
   */
  abstract issueForEmail(email: string, token: NewAccountToken): Promise<IssuedAccountToken | null>;
  abstract issueForUser(userId: string, token: NewAccountToken): Promise<IssuedAccountToken | null>;
  /** The holder of a valid token of this purpose whose account is enabled, without spending it. */
  abstract findValid(tokenHash: Buffer, purpose: AccountTokenPurpose): Promise<AccountTokenHolder | null>;
  /**
   * Spends a valid token in one conditional statement; of two parallel spenders only one gets
   * the holder, the other null.
   */
  abstract spend(tokenHash: Buffer, purpose: AccountTokenPurpose): Promise<AccountTokenHolder | null>;
  /** Spends every open token of this purpose of the user (after a reset, older links die too). */
  abstract spendAllOf(userId: string, purpose: AccountTokenPurpose): Promise<void>;
}

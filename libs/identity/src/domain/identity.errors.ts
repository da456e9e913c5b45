import { ConflictError, DomainError } from '@congocart/shared/kernel';

export class EmailTakenError extends ConflictError {
  constructor() {
    super('EMAIL_TAKEN', 'An account with this e-mail address already exists.');
  }
}

/** The same answer for an unknown e-mail and a wrong password, so neither can be told apart. */
export class InvalidCredentialsError extends DomainError {
  readonly code = 'INVALID_CREDENTIALS';
  readonly status = 401;
  constructor() {
    super('The e-mail address or password is wrong.');
  }
}

export class AccountDisabledError extends DomainError {
  readonly code = 'ACCOUNT_DISABLED';
  readonly status = 403;
  constructor() {
    super('This account is disabled.');
  }
}

export class InvalidRefreshTokenError extends DomainError {
  readonly code = 'INVALID_REFRESH_TOKEN';
  readonly status = 401;
  constructor() {
    super('The refresh token is invalid, expired or revoked: sign in again.');
  }
}

export class LastAdminError extends ConflictError {
  constructor() {
    super('LAST_ADMIN', 'The last active admin cannot be demoted or disabled.');
  }
}

/** Too many failed sign-ins for one e-mail address; `retryAfterSeconds` feeds Retry-After. */
export class TooManyLoginFailuresError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
  readonly status = 429;
  constructor(override readonly retryAfterSeconds: number) {
    super('Too many failed sign-in attempts for this account: retry later.');
  }
}

import { ConflictError, DomainError } from '@congocart/shared/kernel';

/** A used, expired or unknown reset or verification token: one answer, whichever it was. */
export class InvalidTokenError extends DomainError {
  readonly code = 'INVALID_TOKEN';
  readonly status = 400;
  constructor() {
    super('The token is invalid, expired or already used.');
  }
}

/** 403, not 401: the caller is signed in, and 401 would tell clients to sign in again. */
export class WrongCurrentPasswordError extends DomainError {
  readonly code = 'INVALID_CREDENTIALS';
  readonly status = 403;
  constructor() {
    super('The current password is wrong.');
  }
}

/** Too many account e-mails or password attempts; `retryAfterSeconds` feeds Retry-After. */
export class TooManyAccountRequestsError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
  readonly status = 429;
  constructor(override readonly retryAfterSeconds: number) {
    super('Too many requests: retry later.');
  }
}

export class AddressLimitError extends ConflictError {
  constructor(limit: number) {
    super('ADDRESS_LIMIT', `An address book holds at most ${limit} addresses: delete one first.`, { limit });
  }
}

export class DefaultAddressRequiredError extends ConflictError {
  constructor() {
    super('DEFAULT_ADDRESS_REQUIRED', 'One address stays the default: make another address the default instead.');
  }
}

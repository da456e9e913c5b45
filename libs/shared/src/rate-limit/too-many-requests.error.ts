import { DomainError } from '../errors/domain-error';

/** 429; the caller has put `Retry-After` on the reply. */
export class TooManyRequestsError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
  readonly status = 429;
  constructor(message = 'Too many requests: slow down and retry later.', extensions: Record<string, unknown> = {}) {
    super(message, extensions);
  }
}

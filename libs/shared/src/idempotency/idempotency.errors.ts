import { ConflictError, DomainError } from '../errors/domain-error';

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  readonly status = 422;
  constructor() {
    super('This Idempotency-Key was already used for a different request: use a new key for a new request.');
  }
}

export class IdempotencyKeyInUseError extends ConflictError {
  constructor() {
    super('IDEMPOTENCY_KEY_IN_USE', 'A request with this Idempotency-Key is still being processed: retry shortly.');
  }
}

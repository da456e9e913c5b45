/**
 * Base of every business error. `code` is the stable machine code clients branch on,
 * `status` the HTTP status it maps to, and `extensions` extra problem members
 * (e.g. `available`, `lines`). The message becomes the problem's `detail`, so it must be
 * safe to show to a client.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  /** Sent as Retry-After (429, 503). */
  readonly retryAfterSeconds?: number;

  constructor(
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface FieldError {
  field: string;
  message: string;
}

export class ValidationFailedError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  readonly status = 400;
  constructor(
    readonly errors: FieldError[],
    message = 'The request is invalid.',
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  readonly status = 404;
  constructor(resource: string) {
    super(`${resource} was not found.`);
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
  constructor(
    readonly code: string,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, extensions);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  readonly status = 403;
  constructor(message = 'You are not allowed to do this.') {
    super(message);
  }
}

export class PreconditionFailedError extends DomainError {
  readonly code = 'PRECONDITION_FAILED';
  readonly status = 412;
  constructor(message = 'The resource has changed since you read it (If-Match does not match).') {
    super(message);
  }
}

/** A dependency is down or too slow: 503 with Retry-After; the client may retry the same request. */
export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
  constructor(
    readonly code: string,
    message: string,
    override readonly retryAfterSeconds = 5,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, extensions);
  }
}

import { HttpException, Logger } from '@nestjs/common';
import { DomainError, ValidationFailedError } from './domain-error';
import { isDatabaseOutage } from './outage';
import { Problem, problemType, titleFor } from './problem';

const logger = new Logger('Problems');

/** errors[] lists at most this many; `errorCount` then says how many there were. */
export const MAX_FIELD_ERRORS = 20;

/** Fastify's own errors (body parsing, media type, limits) carry a statusCode and an FST_ code. */
interface FrameworkError {
  statusCode?: number;
  code?: string;
  message?: string;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

const SAFE_DETAIL_BY_STATUS: Record<number, string> = {
  401: 'Authentication is required: send a valid bearer token.',
  403: 'You are not allowed to do this.',
  404: 'The resource was not found.',
  405: 'This method is not allowed here.',
  413: 'The request body is too large.',
  414: 'The URL is too long.',
  415: 'Send the request body as application/json.',
  429: 'Too many requests: slow down and retry later.',
  503: 'The service is not ready.',
};

/** Turns anything thrown into a problem document; unknown errors become a logged, generic 500. */
export function toProblem(error: unknown, instance: string, traceId: string): Problem {
  const base = { instance, traceId };

  if (error instanceof DomainError) {
    const problem: Problem = {
      type: problemType(error.code),
      title: titleFor(error.status),
      status: error.status,
      detail: error.message,
      code: error.code,
      ...base,
      ...error.extensions,
    };
    if (error instanceof ValidationFailedError) {
      // A bounded answer whatever the request: the first few field errors and how many there were.
      problem.errors = error.errors.slice(0, MAX_FIELD_ERRORS);
      if (error.errors.length > MAX_FIELD_ERRORS) problem.errorCount = error.errors.length;
    }
    return problem;
  }

  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const explicitCode = typeof response === 'object' && response && 'code' in response ? String(response.code) : undefined;
    const code = explicitCode ?? CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
    if (status >= 500 && status !== 503) return internal(error, base);
    const problem: Problem = {
      type: problemType(code),
      title: titleFor(status),
      status,
      detail: detailOf(status, response, error.message),
      code: status === 400 ? 'VALIDATION_FAILED' : code,
      ...base,
    };
    if (status === 400) problem.errors = [];
    return problem;
  }

  const framework = error as FrameworkError;
  if (typeof framework?.statusCode === 'number' && framework.statusCode >= 400 && framework.statusCode < 500) {
    const status = framework.statusCode;
    const code = status === 400 ? 'MALFORMED_REQUEST' : (CODE_BY_STATUS[status] ?? 'BAD_REQUEST');
    return {
      type: problemType(code),
      title: titleFor(status),
      status,
      detail: SAFE_DETAIL_BY_STATUS[status] ?? 'The request could not be read: send a well-formed JSON object.',
      code,
      ...base,
      ...(status === 400 ? { errors: [] } : {}),
    };
  }

  if (isDatabaseOutage(error)) return outage(error, base);
  return internal(error, base);
}

/** Default Retry-After of a 503 that does not say otherwise. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

function outage(error: unknown, base: { instance: string; traceId: string }): Problem {
  const reason = error instanceof Error ? error.message : String(error);
  logger.warn({ traceId: base.traceId, reason }, 'Database unavailable: answered 503');
  return {
    type: problemType('SERVICE_UNAVAILABLE'),
    title: titleFor(503),
    status: 503,
    detail: 'The service is temporarily unavailable: retry the same request shortly.',
    code: 'SERVICE_UNAVAILABLE',
    ...base,
  };
}

function internal(error: unknown, base: { instance: string; traceId: string }): Problem {
  logger.error({ err: error, traceId: base.traceId }, 'Unhandled error');
  return {
    type: problemType('INTERNAL_ERROR'),
    title: titleFor(500),
    status: 500,
    detail: 'An unexpected error occurred. Quote the traceId when reporting it.',
    code: 'INTERNAL_ERROR',
    ...base,
  };
}

/** Nest's built-in exceptions have messages that are safe (they never include internals). */
function detailOf(status: number, response: string | object, fallback: string): string {
  if (SAFE_DETAIL_BY_STATUS[status] && status !== 404 && status !== 401 && status !== 403) return SAFE_DETAIL_BY_STATUS[status];
  if (typeof response === 'object' && response && 'message' in response) {
    const message = (response as { message: unknown }).message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.join('; ');
  }
  return fallback || SAFE_DETAIL_BY_STATUS[status] || titleFor(status);
}

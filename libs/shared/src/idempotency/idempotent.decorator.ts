import { createHash } from 'node:crypto';
import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems.decorator';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IDEMPOTENCY_MODE, IDEMPOTENCY_SCOPE, IDEMPOTENCY_SEALED, IdempotencyMode, IdempotencyScope } from './idempotency-mode';

export interface IdempotentOptions {
  mode?: IdempotencyMode;
  /** Default: the signed-in caller. */
  scope?: IdempotencyScope;
  /** The answer carries a secret shown once (e.g. a guest's order token): it is stored sealed (SealedBox), never in the clear. */
  sealResponse?: boolean;
}

/**
 * Makes a route require an `Idempotency-Key` and replay its stored response to retries
 * (the controller's module must import IdempotencyModule).
 */
export function Idempotent(modeOrOptions: IdempotencyMode | IdempotentOptions = 'transaction'): MethodDecorator {
  const { mode = 'transaction', scope, sealResponse = false } = typeof modeOrOptions === 'string' ? { mode: modeOrOptions } : modeOrOptions;
  return applyDecorators(
    SetMetadata(IDEMPOTENCY_MODE, mode),
    ...(scope ? [SetMetadata(IDEMPOTENCY_SCOPE, scope)] : []),
    ...(sealResponse ? [SetMetadata(IDEMPOTENCY_SEALED, true)] : []),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description:
        'Unique per intended operation (8–255 printable ASCII characters, e.g. a UUID), scoped to the caller and kept 24 h. ' +
        'A retry with the same key and body gets the stored status and body with `Idempotent-Replayed: true`, also after a crash ' +
        'of the server between its commit and its answer; ' +
        'the same key with another body → 422 IDEMPOTENCY_KEY_REUSED; while the first request still runs → 409 IDEMPOTENCY_KEY_IN_USE ' +
        '(or the retry waits for it and replays its answer). ' +
        'A 400 for an invalid body is not stored: fix the body and retry with the same key.',
      schema: {
        type: 'string',
        minLength: 8,
        maxLength: 255,
        pattern: '^[\\x20-\\x7E]{8,255}$',
        example: '6f1c1d1e-2b7a-4d0e-9c3b-8a5e0f4b7c21',
      },
    }),
    ApiProblems(400, 409, 422),
  ) as MethodDecorator;
}

/**
 * Keys scoped to a resource held by a bearer token (a guest cart, a guest order): the path
 * parameter `param` and the SHA-256 of the `header` presented. Only the token's holder can
 * replay a stored answer (it may carry secrets), and a wrong token claims nothing of theirs.
 */
export function bearerResourceScope(kind: string, param: string, header: string): IdempotencyScope {
  return (request) => {
    const id = (request.params as Record<string, unknown> | undefined)?.[param];
    const token = request.headers[header];
    const held = typeof token === 'string' ? createHash('sha256').update(token, 'utf8').digest('base64url') : 'none';
    return `${kind}:${typeof id === 'string' ? id : ''}:${held}`;
  };
}

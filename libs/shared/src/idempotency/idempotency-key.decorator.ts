import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from './idempotency-key';

/** The request's validated Idempotency-Key, for an operation that stores it (see @Idempotent('resumable')). */
export const RequestIdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string =>
  parseIdempotencyKey(context.switchToHttp().getRequest<FastifyRequest>().headers[IDEMPOTENCY_KEY_HEADER]),
);

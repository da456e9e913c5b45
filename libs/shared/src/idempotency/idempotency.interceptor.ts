import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { lastValueFrom, Observable, of } from 'rxjs';
import { DomainError, ValidationFailedError } from '../errors/domain-error';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem';
import { toProblem } from '../errors/problem-response';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, parseIdempotencyKey, requestFingerprint } from './idempotency-key';
import { IdempotencyStore, StoredResponse } from './idempotency.store';

type AuthenticatedRequest = FastifyRequest & { user?: { userId?: string } };

/** Response headers worth replaying besides the body. */
const REPLAYED_HEADERS = ['location', 'content-type'];

/**
 * Idempotency-Key handling for one route (see @Idempotent()). Before the handler runs, the key is
 * claimed for the caller in its own statement; the handler's response is stored afterwards and
 * replayed to retries with `Idempotent-Replayed: true`. A 4xx answer is stored too (a retry gets
 * the same problem), except a 400 from validation, which is not the operation's answer: the key
 * is freed so the client can fix the body and retry. A 5xx or crash frees the key as well.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const reply = http.getResponse<FastifyReply>();
    const key = parseIdempotencyKey(request.headers[IDEMPOTENCY_KEY_HEADER]);
    const scope = request.user?.userId ?? 'anonymous';
    const path = request.url.split('?')[0];

    const claim = await this.store.claim(scope, key, requestFingerprint(request.method, path, request.body));
    if (claim.kind === 'replay') return of(this.replay(reply, claim.response));

    let body: unknown;
    try {
      // Awaited here, not piped: the response is stored even if the client has gone away.
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      const status = statusOf(error);
      if (status >= 500 || error instanceof ValidationFailedError) {
        await this.store.release(scope, key, claim.token);
      } else {
        const problem = toProblem(error, path, String(request.id));
        await this.store.complete(scope, key, claim.token, {
          status: problem.status,
          headers: { 'content-type': PROBLEM_CONTENT_TYPE },
          body: JSON.stringify(problem),
        });
      }
      throw error;
    }
    await this.store.complete(scope, key, claim.token, {
      status: reply.statusCode,
      headers: { ...pickHeaders(reply), 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? '' : JSON.stringify(body),
    });
    return of(body);
  }

  private replay(reply: FastifyReply, response: StoredResponse): string {
    reply.status(response.status);
    for (const [name, value] of Object.entries(response.headers)) reply.header(name, value);
    reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return response.body;
  }
}

function pickHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

function statusOf(error: unknown): number {
  if (error instanceof DomainError) return error.status;
  if (error instanceof HttpException) return error.getStatus();
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' ? statusCode : 500;
}

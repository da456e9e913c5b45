import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { lastValueFrom, Observable, of } from 'rxjs';
import { DomainError, ValidationFailedError } from '../errors/domain-error';
import { SealedBox } from '../signing/sealed-box';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem';
import { toProblem } from '../errors/problem-response';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, parseIdempotencyKey, requestFingerprint } from './idempotency-key';
import { IdempotencyConfig } from './idempotency.config';
import { IdempotencyStore, StoredResponse } from './idempotency.store';
import { IDEMPOTENCY_MODE, IDEMPOTENCY_SCOPE, IDEMPOTENCY_SEALED, IdempotencyMode, IdempotencyScope } from './idempotency-mode';

type AuthenticatedRequest = FastifyRequest & { user?: { userId?: string } };

/** Marks a stored body that SealedBox sealed (routes whose answer carries a secret). */
const SEALED_BODY_PREFIX = 'sealed:';

/** Response headers worth replaying besides the body. */
const REPLAYED_HEADERS = ['location', 'content-type'];

interface KeyedRequest {
  scope: string;
  key: string;
  hash: string;
  path: string;
  traceId: string;
  /** Store the answer sealed (@Idempotent({ sealResponse: true })). */
  sealed: boolean;
}

/**
 * Idempotency-Key handling for one route (see @Idempotent()). The handler's response is stored
 * with the key and replayed to retries with `Idempotent-Replayed: true`. A 4xx answer is stored
 * too (a retry gets the same problem), except a 400 from validation, which is not the
 * operation's answer: the key is freed so the client can fix the body and retry. A 5xx or crash
 * frees the key as well (in `transaction` mode the rollback does).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly txHost: TransactionHost,
    private readonly reflector: Reflector,
    private readonly config: IdempotencyConfig,
    private readonly sealedBox: SealedBox,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const reply = http.getResponse<FastifyReply>();
    const key = parseIdempotencyKey(request.headers[IDEMPOTENCY_KEY_HEADER]);
    const path = request.url.split('?')[0];
    const scopeOf = this.reflector.get<IdempotencyScope | undefined>(IDEMPOTENCY_SCOPE, context.getHandler());
    const keyed: KeyedRequest = {
      scope: scopeOf ? scopeOf(request) : (request.user?.userId ?? 'anonymous'),
      key,
      hash: requestFingerprint(request.method, path, request.body),
      path,
      traceId: String(request.id),
      sealed: this.reflector.get<boolean | undefined>(IDEMPOTENCY_SEALED, context.getHandler()) === true,
    };
    const mode = this.reflector.get<IdempotencyMode | undefined>(IDEMPOTENCY_MODE, context.getHandler()) ?? 'transaction';
    const outcome = mode === 'resumable' ? await this.resumable(keyed, reply, next) : await this.transactional(keyed, reply, next);
    if (outcome.kind === 'replay') return of(this.replay(reply, outcome.response));
    if (mode === 'transaction') this.crashIfAsked(path);
    return of(outcome.body);
  }

  /** Claim, operation and completion in one transaction: the key commits with what it describes. */
  private async transactional(keyed: KeyedRequest, reply: FastifyReply, next: CallHandler): Promise<Outcome> {
    try {
      return await this.txHost.withTransaction(async () => {
        const claim = await this.store.claim(keyed.scope, keyed.key, keyed.hash);
        if (claim.kind === 'replay') return claim;
        const body = await run(next);
        await this.store.complete(keyed.scope, keyed.key, claim.token, this.toStore(responseOf(reply, body), keyed));
        return { kind: 'done', body } as const;
      });
    } catch (error) {
      // Rolled back, key included; a business refusal is still the operation's answer: keep it.
      if (isStoredRefusal(error)) await this.store.recordOutcome(keyed.scope, keyed.key, keyed.hash, problemOf(error, keyed));
      throw error;
    }
  }

  /** Each step commits on its own; the operation itself resumes an earlier attempt found by key. */
  private async resumable(keyed: KeyedRequest, reply: FastifyReply, next: CallHandler): Promise<Outcome> {
    const claim = await this.store.claim(keyed.scope, keyed.key, keyed.hash, { takeOver: true });
    if (claim.kind === 'replay') return claim;
    let body: unknown;
    try {
      // Awaited here, not piped: the response is stored even if the client has gone away.
      body = await run(next);
    } catch (error) {
      if (isStoredRefusal(error)) await this.store.complete(keyed.scope, keyed.key, claim.token, problemOf(error, keyed));
      else await this.store.release(keyed.scope, keyed.key, claim.token);
      throw error;
    }
    this.crashIfAsked(keyed.path);
    await this.store.complete(keyed.scope, keyed.key, claim.token, this.toStore(responseOf(reply, body), keyed));
    return { kind: 'done', body };
  }

  /** Test-only fault injection (never in production, see IdempotencyConfig): die after the commit, before the answer. */
  private crashIfAsked(path: string): void {
    const target = this.config.testCrashAfterCommit;
    if (target && path.split('/').includes(target)) process.kill(process.pid, 'SIGKILL');
  }

  private toStore(response: StoredResponse, keyed: KeyedRequest): StoredResponse {
    return keyed.sealed ? { ...response, body: SEALED_BODY_PREFIX + this.sealedBox.seal(response.body) } : response;
  }

  private replay(reply: FastifyReply, response: StoredResponse): string {
    let body = response.body;
    if (body.startsWith(SEALED_BODY_PREFIX)) {
      const opened = this.sealedBox.open(body.slice(SEALED_BODY_PREFIX.length));
      // Sealed under another SEALING_KEY: the answer is lost (a 500, the key stays taken).
      if (opened === null) throw new Error('A stored idempotent response could not be unsealed');
      body = opened;
    }
    reply.status(response.status);
    for (const [name, value] of Object.entries(response.headers)) reply.header(name, value);
    reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return body;
  }
}

type Outcome = { kind: 'replay'; response: StoredResponse } | { kind: 'done'; body: unknown };

function run(next: CallHandler): Promise<unknown> {
  return lastValueFrom(next.handle(), { defaultValue: undefined });
}

function responseOf(reply: FastifyReply, body: unknown): StoredResponse {
  return {
    status: reply.statusCode,
    headers: { ...pickHeaders(reply), 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

function problemOf(error: unknown, keyed: KeyedRequest): StoredResponse {
  const problem = toProblem(error, keyed.path, keyed.traceId);
  return { status: problem.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE }, body: JSON.stringify(problem) };
}

/** A 4xx that is the operation's own answer (not a bad body, not a key conflict) is replayed to retries. */
function isStoredRefusal(error: unknown): boolean {
  const status = statusOf(error);
  if (status >= 500 || error instanceof ValidationFailedError) return false;
  const code = error instanceof DomainError ? error.code : '';
  return code !== 'IDEMPOTENCY_KEY_IN_USE' && code !== 'IDEMPOTENCY_KEY_REUSED';
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

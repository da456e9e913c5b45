import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { AdvancedConsoleLogger, QueryRunner } from 'typeorm';

/**
 * Statements per request, for the query budgets the e2e suite checks (test/support/query-budget.ts).
 * On only when QUERY_COUNT_HEADER=true outside production: each request gets a counter, entered
 * as an AsyncLocalStorage context from Fastify's preHandler hook (after the body is read, so the
 * context holds for everything Nest runs: guards, interceptors, the handler); TypeORM's logger,
 * which sees every statement (BEGIN and COMMIT included), counts into it, and the response
 * carries the count as `X-Query-Count`. The counter is created at onRequest so that even a request
 * refused before its handler reports one.
 */
export const STATEMENT_COUNT_HEADER = 'x-query-count';
const STATEMENT_COUNT = Symbol('statementCount');

interface StatementCount {
  statements: number;
}

type CountedRequest = FastifyRequest & { [STATEMENT_COUNT]?: StatementCount };

const currentCount = new AsyncLocalStorage<StatementCount>();

/** onRequest: a fresh counter for the request. */
export function startStatementCount(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  (request as CountedRequest)[STATEMENT_COUNT] = { statements: 0 };
  done();
}

/** preHandler: what follows (the whole Nest pipeline) counts into the request's counter. */
export function enterStatementCount(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const count = (request as CountedRequest)[STATEMENT_COUNT];
  if (count) currentCount.run(count, done);
  else done();
}

/** TypeORM's default logger (nothing logged unless configured), counting every statement into the current request's counter. */
export class StatementCountingLogger extends AdvancedConsoleLogger {
  constructor() {
    super(undefined);
  }

  override logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    const count = currentCount.getStore();
    if (count) count.statements += 1;
    super.logQuery(query, parameters, queryRunner);
  }
}

/** onSend: the statements the request issued so far, as `X-Query-Count`. */
export function statementCountHeader(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: HookHandlerDoneFunction & ((error: Error | null, payload?: unknown) => void),
): void {
  const count = (request as CountedRequest)[STATEMENT_COUNT];
  if (count) reply.header(STATEMENT_COUNT_HEADER, String(count.statements));
  done(null, payload);
}

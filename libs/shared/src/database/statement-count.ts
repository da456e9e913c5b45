import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { ClsServiceManager } from 'nestjs-cls';
import { AdvancedConsoleLogger, QueryRunner } from 'typeorm';

/**
 * Statements per request, for the query budgets the e2e suite checks (test/support/query-budget.ts).
 * On only when QUERY_COUNT_HEADER=true outside production: each request's CLS store gets a counter,
 * TypeORM's logger (which sees every statement, BEGIN and COMMIT included) counts into it, and the
 * response carries the count as `X-Query-Count`.
 */
export const STATEMENT_COUNT_HEADER = 'x-query-count';
const STATEMENT_COUNT = Symbol('statementCount');

interface StatementCount {
  statements: number;
}

/** The CLS middleware's setup: a fresh counter for the request, also reachable from the raw request. */
export function startStatementCount(cls: { set(key: symbol, value: unknown): void }, request: IncomingMessage): void {
  const count: StatementCount = { statements: 0 };
  cls.set(STATEMENT_COUNT, count);
  (request as IncomingMessage & { [STATEMENT_COUNT]?: StatementCount })[STATEMENT_COUNT] = count;
}

/** TypeORM's default logger (nothing logged unless configured), counting every statement into the current request's counter. */
export class StatementCountingLogger extends AdvancedConsoleLogger {
  constructor() {
    super(undefined);
  }

  override logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    const cls = ClsServiceManager.getClsService();
    if (cls.isActive()) {
      const count = cls.get<StatementCount | undefined>(STATEMENT_COUNT);
      if (count) count.statements += 1;
    }
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
  const count = (request.raw as IncomingMessage & { [STATEMENT_COUNT]?: StatementCount })[STATEMENT_COUNT];
  if (count) reply.header(STATEMENT_COUNT_HEADER, String(count.statements));
  done(null, payload);
}

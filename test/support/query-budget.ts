import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUERY_BUDGETS } from '../../apps/api/src/query-budgets';

/**
 * Query budgets: every response of the test server says how many SQL statements it took
 * (`X-Query-Count`, on with QUERY_COUNT_HEADER=true in test-env.ts); every request the e2e
 * helpers send is held to its operation's budget in apps/api/src/query-budgets.ts, so a change
 * that adds a statement per line, per row or per anything fails the test that sends it.
 * QUERY_BUDGET_RECORD=<file> appends `METHOD /template count` per request instead of failing (to
 * set a budget from what a suite actually issues).
 */
export class QueryBudgetExceededError extends Error {}

interface Template {
  operation: string;
  pattern: RegExp;
  params: number;
}

const openapi = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8')) as { paths: Record<string, object> };
const templates: Template[] = Object.entries(openapi.paths)
  .flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map((method) => ({
        operation: `${method.toUpperCase()} ${path}`,
        pattern: new RegExp(`^${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        params: (path.match(/\{/g) ?? []).length,
      })),
  )
  // A literal segment beats a parameter (`/cart/items` before `/carts/{id}`).
  .sort((a, b) => a.params - b.params);

/** The operation (`METHOD /path-template` as in openapi.json) a request is for, or undefined. */
export function operationOf(method: string, path: string): string | undefined {
  const key = `${method.toUpperCase()} ${path.split('?')[0]}`;
  return templates.find((template) => template.pattern.test(key))?.operation;
}

/** Throws when the response's statement count exceeds its operation's budget. */
export function checkQueryBudget(method: string, path: string, headers: Headers, budgets: Record<string, number> = QUERY_BUDGETS): void {
  const header = headers.get('x-query-count');
  const operation = operationOf(method, path);
  if (header === null || !operation) return;
  const count = Number(header);
  if (process.env.QUERY_BUDGET_RECORD) {
    appendFileSync(process.env.QUERY_BUDGET_RECORD, `${operation} ${count} ${expect.getState().currentTestName ?? ''}\n`);
    return;
  }
  const budget = budgets[operation];
  if (budget === undefined) throw new QueryBudgetExceededError(`${operation} has no query budget in apps/api/src/query-budgets.ts`);
  if (count > budget)
    throw new QueryBudgetExceededError(
      `${method} ${path} issued ${count} SQL statements; the budget of ${operation} is ${budget} (apps/api/src/query-budgets.ts)`,
    );
}

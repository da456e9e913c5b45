import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUERY_BUDGETS } from './query-budgets';

const openapi = JSON.parse(readFileSync(join(__dirname, '../../../openapi.json'), 'utf8')) as { paths: Record<string, object> };
const operations = Object.entries(openapi.paths).flatMap(([path, item]) =>
  Object.keys(item)
    .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
    .map((method) => `${method.toUpperCase()} ${path}`),
);

describe('query budgets', () => {
  it('give every operation of openapi.json a budget, and name no other', () => {
    expect(Object.keys(QUERY_BUDGETS).sort()).toEqual([...operations].sort());
  });

  it.each(Object.entries(QUERY_BUDGETS))('%s: a whole number of statements', (_operation, budget) => {
    expect(Number.isInteger(budget) && budget >= 0).toBe(true);
  });
});

import { createHash } from 'node:crypto';

/**
 * A hot statement that PostgreSQL parses and plans once per pooled connection and afterwards only
 * binds and executes (a named prepared statement; the name derives from the text). For fixed
 * texts only, and for statements whose best plan does not depend on the values (lookups by key):
 * after five runs PostgreSQL may keep one generic plan for all values. Behind a pooler, needs
 * PgBouncer ≥ 1.21 (`max_prepared_statements`) or session pooling.
 */
export class PreparedStatement {
  readonly name: string;

  constructor(readonly text: string) {
    this.name = `cc_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
  }

  toString(): string {
    return this.text;
  }
}

const known = new Map<string, PreparedStatement>();

/** The prepared statement of a fixed text (a dynamic text would grow this map and every connection's statements without bound). */
export function prepared(text: string): PreparedStatement {
  let statement = known.get(text);
  if (!statement) known.set(text, (statement = new PreparedStatement(text)));
  return statement;
}

/** Where TypeORM runs raw SQL: an EntityManager (the ambient transaction's, when there is one) or the DataSource. */
interface RunsQueries {
  query(query: string, parameters?: unknown[]): Promise<unknown>;
}

/** Runs a prepared statement on the manager's connection. */
export async function runPrepared<T = unknown>(manager: RunsQueries, statement: PreparedStatement, params: unknown[] = []): Promise<T> {
  // TypeORM hands its query to pg as it is, and pg accepts a { name, text } query config where it accepts text.
  return (await manager.query(statement as unknown as string, params)) as T;
}

/**
 * A benchmark scenario: what autocannon sends to the real API, and what the bare
 * `node:http` + `pg` baseline server does for the same request (the same SQL, no framework).
 */
export interface BenchRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface BenchContext {
  apiUrl: string;
  /** Runs SQL against the benchmark database. */
  sql: (text: string, params?: unknown[]) => Promise<any[]>;
  /** A fresh signed-in customer (registered over HTTP), as a bearer token. */
  customerToken: () => Promise<string>;
  /** A signed-in admin, as a bearer token. */
  adminToken: () => Promise<string>;
}

/** One baseline step: a single statement, or a function given a checked-out client (for transactions). */
export type BaselineStep = { sql: string; params?: unknown[] } | { run: (client: BaselineClient, connection: number) => Promise<unknown> };

export interface BaselineClient {
  query: (text: string, params?: unknown[]) => Promise<{ rows: any[]; rowCount: number | null }>;
}

export interface BenchScenario {
  name: string;
  /** Prepared once before measuring; the request autocannon repeats. */
  request?: (ctx: BenchContext) => Promise<BenchRequest>;
  /**
   * Alternatively a sequence each connection repeats; `perConnection` gives each connection its own
   * state (e.g. its own customer) — called once per connection index before measuring.
   */
  sequence?: (ctx: BenchContext, connections: number) => Promise<{ api: (connection: number) => BenchRequest[]; baseline: BaselineStep[] }>;
  /** Also measured against an API with the catalog cache off, to show what the cache buys. */
  cacheSensitive?: boolean;
  /** For `request` scenarios: what the bare server runs per request. */
  baseline?: BaselineStep;
}

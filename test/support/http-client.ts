import { assertContract, contract, ContractValidator } from './contract';
import { checkQueryBudget } from './query-budget';

export interface HttpResponse<T = any> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON, the text otherwise (undefined when empty). */
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Sent as JSON unless `raw` is given. */
  body?: unknown;
  /** Sent verbatim (with `content-type: application/json` unless headers say otherwise). */
  raw?: string | Buffer;
}

/** A tiny fetch wrapper: real HTTP requests against the test server, each response checked against openapi.json. */
export class HttpClient {
  /** Set-up still running; each leaves the set only when it has finished, so parallel requests all wait. */
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    readonly baseUrl: string,
    private readonly validator: ContractValidator = contract(),
  ) {}

  /** Set-up (e.g. the rows behind a test token) the next request must wait for. */
  waitFor(work: Promise<unknown>): void {
    // A failed set-up stays, so every later request reports it.
    const tracked: Promise<unknown> = work.then(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  get<T = any>(path: string, options: RequestOptions = {}) {
    return this.request<T>('GET', path, options);
  }
  post<T = any>(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.request<T>('POST', path, { ...options, body });
  }
  patch<T = any>(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.request<T>('PATCH', path, { ...options, body });
  }
  put<T = any>(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.request<T>('PUT', path, { ...options, body });
  }
  delete<T = any>(path: string, options: RequestOptions = {}) {
    return this.request<T>('DELETE', path, options);
  }

  /** Waits for the set-up given to waitFor() (for requests sent other than through this client). */
  async settle(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    if (this.pending.size) await this.settle();
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Buffer | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined && !Object.keys(headers).some((key) => key.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const parsed = text && /json/.test(contentType) ? JSON.parse(text) : text || undefined;
    const result = { status: response.status, headers: response.headers, body: parsed as T, text };
    assertContract(method, path, result, this.validator);
    checkQueryBudget(method, path, response.headers);
    return result;
  }
}

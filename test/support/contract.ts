import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Json = Record<string, any>;

export interface ObservedResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text, or undefined when empty. */
  body: unknown;
  text: string;
}

/** Outside the contract on purpose: the documentation itself. */
const UNDOCUMENTED = [/^\/docs(\/|-json|-yaml|$)/];
const PROBLEM = 'application/problem+json';

/**
 * Checks every response the e2e suite receives against the committed openapi.json: the status
 * must be documented for the operation, the declared headers present and well-formed, the body
 * of the declared media type and valid against its schema. Validators are compiled once per
 * process and cached per operation and status.
 */
export class ContractValidator {
  private readonly ajv: Ajv2020;
  private readonly routes: { method: string; template: string; pattern: RegExp; params: number }[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: Json) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema(document, 'openapi.json');
    for (const [template, item] of Object.entries<Json>(document.paths)) {
      for (const method of Object.keys(item)) {
        const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
        this.routes.push({ method, template, pattern, params: (template.match(/\{/g) ?? []).length });
      }
    }
    // A literal segment wins over a parameter (`/cart/items` before `/cart/{x}`), as in the router.
    this.routes.sort((a, b) => a.params - b.params);
  }

  /** The problems of one response, empty when it matches the contract. */
  check(method: string, url: string, response: ObservedResponse): string[] {
    const path = url.split('?')[0];
    if (UNDOCUMENTED.some((pattern) => pattern.test(path))) return [];
    const verb = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
    // CORS pre-flights are the browser's business, not an operation: an empty 204 or a problem.
    if (verb === 'options' && response.status === 204 && response.text === '') return [];
    const route = this.routes.find((candidate) => candidate.method === verb && candidate.pattern.test(path));
    if (!route) return this.checkOutsideContract(response);
    const responses: Json = this.document.paths[route.template][verb].responses;
    const key = String(response.status) in responses ? String(response.status) : response.status >= 500 ? 'default' : undefined;
    if (!key || !responses[key]) return [`status ${response.status} is not documented for ${verb.toUpperCase()} ${route.template}`];
    const pointer = `#/paths/${escape(route.template)}/${verb}/responses/${key}`;
    return this.checkResponse(pointer, this.resolve(responses[key]), response, method.toLowerCase() === 'head');
  }

  /** Unknown routes and methods: the server must still answer a problem (a 4xx of the default shape). */
  private checkOutsideContract(response: ObservedResponse): string[] {
    if (response.status < 400) return [`status ${response.status} answered to a route the document does not have`];
    const problems = this.checkMediaType(response, PROBLEM);
    if (problems.length) return problems;
    return this.validate('#/components/schemas/ProblemDto', response.body);
  }

  private checkResponse(pointer: string, declared: Json, response: ObservedResponse, head: boolean): string[] {
    const problems: string[] = [];
    for (const [name, reference] of Object.entries<Json>(declared.headers ?? {})) {
      const header = this.resolve(reference);
      const value = response.headers.get(name);
      if (value === null) {
        if (header.required) problems.push(`header ${name} is missing`);
        continue;
      }
      if (header.schema) {
        const typed = header.schema.type === 'integer' && /^-?\d+$/.test(value) ? Number(value) : value;
        const at = reference.$ref ? `${reference.$ref}/schema` : `${pointer}/headers/${escape(name)}/schema`;
        const errors = this.validate(at, typed);
        problems.push(...errors.map((error) => `header ${name}: ${error}`));
      }
    }
    const content: Json | undefined = declared.content;
    if (!content) {
      if (response.text !== '') problems.push(`a body was sent where none is documented: ${response.text.slice(0, 200)}`);
      return problems;
    }
    if (head) return problems;
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
    const media = content[contentType];
    if (!media) return [...problems, `content-type "${contentType}" is not documented (expected ${Object.keys(content).join(', ')})`];
    if (!media.schema) return problems;
    const body = contentType.endsWith('json') ? response.body : response.text;
    const errors = this.validate(`${pointer}/content/${escape(contentType)}/schema`, body);
    if (errors.length === 0) this.observe(media.schema, body);
    return [...problems, ...errors];
  }

  private checkMediaType(response: ObservedResponse, expected: string): string[] {
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
    return contentType === expected
      ? []
      : [`content-type "${contentType}" where ${expected} is the contract (body: ${response.text.slice(0, 200)})`];
  }

  private validate(pointer: string, value: unknown): string[] {
    let validator = this.validators.get(pointer);
    if (!validator) {
      validator = this.ajv.getSchema(`openapi.json${pointer}`);
      if (!validator) throw new Error(`openapi.json has no schema at ${pointer}`);
      this.validators.set(pointer, validator);
    }
    return validator(value) ? [] : (validator.errors ?? []).map(describe);
  }

  /** Counts, per schema and optional property, the responses that carried it and those that did not. */
  private observe(schema: Json | undefined, value: unknown, name = '(inline)', depth = 0): void {
    if (!schema || value === null || value === undefined || depth > 20) return;
    if (schema.$ref) return this.observe(this.resolve(schema), value, String(schema.$ref).split('/').pop(), depth + 1);
    for (const part of schema.allOf ?? []) this.observe(part, value, name, depth + 1);
    const branch = (schema.anyOf ?? schema.oneOf ?? []).find((option: Json) => option.type !== 'null');
    if (branch) this.observe(branch, value, name, depth + 1);
    if (Array.isArray(value)) {
      for (const item of value) this.observe(schema.items, item, name, depth + 1);
      return;
    }
    if (typeof value !== 'object' || !schema.properties) return;
    const required = new Set<string>(schema.required ?? []);
    for (const [property, propertySchema] of Object.entries<Json>(schema.properties)) {
      const present = (value as Json)[property] !== undefined;
      if (!required.has(property)) {
        const key = `${name}.${property}`;
        const counts = usage.get(key) ?? { present: 0, absent: 0 };
        counts[present ? 'present' : 'absent'] += 1;
        usage.set(key, counts);
      }
      if (present) this.observe(propertySchema, (value as Json)[property], name, depth + 1);
    }
  }

  private resolve(node: Json): Json {
    if (!node.$ref) return node;
    return node.$ref
      .slice(2)
      .split('/')
      .map((part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((target: Json, part: string) => target[part], this.document);
  }
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(body)';
  const detail = error.params && Object.keys(error.params).length ? ` ${JSON.stringify(error.params)}` : '';
  return `${where} ${error.message ?? error.keyword}${detail}`;
}

let shared: ContractValidator | undefined;

/** The validator over the committed openapi.json, built once per process. */
export function contract(): ContractValidator {
  shared ??= new ContractValidator(JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8')));
  return shared;
}

/** Throws a readable error when a response breaks the contract. */
export function assertContract(method: string, url: string, response: ObservedResponse, validator = contract()): void {
  const problems = validator.check(method, url, response);
  if (problems.length === 0) return;
  const body = response.text.length > 800 ? `${response.text.slice(0, 800)}…` : response.text;
  throw new Error(
    `Response breaks openapi.json: ${method.toUpperCase()} ${url} → ${response.status}\n` +
      problems.map((problem) => `  - ${problem}`).join('\n') +
      `\n  body: ${body}`,
  );
}

/** Optional response properties seen, per test process; see reportAlwaysSentOptionals. */
const usage = new Map<string, { present: number; absent: number }>();

function usageDirectory(): string {
  return join(tmpdir(), 'congocart-contract-usage', process.env.CONGOCART_TEST_TEMPLATE ?? 'unknown');
}

/** Writes what this test file observed (called after each file, see test/support/contract-usage.ts). */
export function flushUsage(): void {
  if (usage.size === 0) return;
  mkdirSync(usageDirectory(), { recursive: true });
  writeFileSync(join(usageDirectory(), `${process.pid}-${Date.now()}.json`), JSON.stringify(Object.fromEntries(usage)));
  usage.clear();
}

/**
 * After the run: optional response properties that every response of the run carried. Each is a
 * candidate for `required` (nothing the server always sends should be optional in the document),
 * or a sign that the tests never see the case where it is absent.
 */
export function reportAlwaysSentOptionals(): string[] {
  const totals = new Map<string, { present: number; absent: number }>();
  let files: string[] = [];
  try {
    files = readdirSync(usageDirectory());
  } catch {
    return [];
  }
  for (const file of files) {
    const counts = JSON.parse(readFileSync(join(usageDirectory(), file), 'utf8')) as Record<string, { present: number; absent: number }>;
    for (const [key, { present, absent }] of Object.entries(counts)) {
      const total = totals.get(key) ?? { present: 0, absent: 0 };
      totals.set(key, { present: total.present + present, absent: total.absent + absent });
    }
  }
  rmSync(usageDirectory(), { recursive: true, force: true });
  return [...totals]
    .filter(([, { present, absent }]) => absent === 0 && present >= 3)
    .map(([key, { present }]) => `${key} (sent in all ${present} responses)`)
    .sort();
}

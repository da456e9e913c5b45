import { readFileSync } from 'node:fs';
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

import type { OpenAPIObject } from '@nestjs/swagger';
import {
  GENERIC_PROBLEM_CODES,
  PROBLEM_CODES,
  PROBLEM_DETAILS,
  PROBLEM_CODES_EXTENSION,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_EXAMPLES,
  problemType,
  titleFor,
} from '@congocart/shared';
import { addWebhooks } from './openapi-webhooks';
import { toOas31 } from './openapi-31';
import { addIntegerFormats, addRequestExamples, closeRequestSchemas } from './openapi-schemas';

type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
const BODY_METHODS = new Set(['post', 'put', 'patch']);
const PROBLEM_REF = '#/components/schemas/ProblemDto';
/** Routes limited by the per-client rate limits (see routeClassOf); /auth has its own limits. */
const UNTHROTTLED = [/^\/api\/v1\/payments\/webhooks\//, /^\/(health|metrics)/];

/** Header tokens that hold a resource (not a user): API-key schemes, entered once in Swagger UI. */
const TOKEN_SCHEMES: Record<string, { name: string; header: string; description: string }> = {
  'x-cart-token': {
    name: 'cartToken',
    header: 'X-Cart-Token',
    description: 'The `token` answered by `POST /carts`: enter it once to use the guest-cart routes (missing or wrong → 404)',
  },
  'x-order-token': {
    name: 'orderToken',
    header: 'X-Order-Token',
    description: 'The `orderToken` answered by a guest checkout: enter it once to use the guest-order routes (missing or wrong → 404)',
  },
};

const AUTH_PREFIX = '/api/v1/auth/';

const IDEMPOTENCY_CODES: Record<number, string> = { 409: 'IDEMPOTENCY_KEY_IN_USE', 422: 'IDEMPOTENCY_KEY_REUSED' };

const SUCCESS_DESCRIPTIONS: Record<string, string> = {
  '200': 'Success',
  '201': 'Created; `Location` names the new resource (or its parent)',
  '202': 'Accepted; the work happens in the background',
  '204': 'Done; no body',
  '304': 'Not modified: the `ETag` sent in `If-None-Match` is current; no body',
};

const HEADERS: Json = {
  XRequestId: {
    description:
      'The request id: the request’s own `X-Request-Id` (1–128 of `A-Z a-z 0-9 . _ : -`) or a generated one; also the problem’s `traceId`',
    required: true,
    schema: { type: 'string', maxLength: 128, pattern: '^[A-Za-z0-9._:-]{1,128}$' },
  },
  RateLimit: {
    description: 'IETF RateLimit header: the nearest limit, `"<policy>";r=<remaining>;t=<seconds to reset>` (when rate limits are enabled)',
    schema: { type: 'string', maxLength: 512, example: '"reads-ip";r=599;t=60' },
  },
  RateLimitPolicy: {
    description: 'IETF RateLimit-Policy header: every limit applied, `"<policy>";q=<quota>;w=<window seconds>`',
    schema: { type: 'string', maxLength: 512, example: '"reads-ip";q=600;w=60' },
  },
  XRateLimitLimit: {
    description: 'Requests allowed in the window (sign-in limits of /auth)',
    schema: { type: 'integer', minimum: 0, maximum: 1000000 },
  },
  XRateLimitRemaining: {
    description: 'Requests left in the window (sign-in limits of /auth)',
    schema: { type: 'integer', minimum: 0, maximum: 1000000 },
  },
  XRateLimitReset: {
    description: 'Seconds until the window resets (sign-in limits of /auth)',
    schema: { type: 'integer', minimum: 0, maximum: 86400 },
  },
  RetryAfter: { description: 'Seconds to wait before retrying', required: true, schema: { type: 'integer', minimum: 0, maximum: 86400 } },
  IdempotentReplayed: {
    description: '`true` when this is the stored answer to an earlier request with the same `Idempotency-Key` and body',
    schema: { type: 'string', enum: ['true'] },
  },
  Location: {
    description: 'The new resource (or its parent when it has no route of its own)',
    required: true,
    schema: { type: 'string', maxLength: 2048 },
  },
};

/**
 * Completes what decorators cannot say, for every operation alike (including those added later):
 * OAS 3.1 nullability, closed request schemas, the statuses every route can answer (default,
 * 400/413/415 on bodies, 404/414 on templated paths, 401/403 where guarded, 429 where throttled,
 * 503 on outages) with per-operation problem code enums and examples, response headers,
 * response descriptions, the cart-token security scheme and the outgoing webhooks.
 */
export function completeContract(input: OpenAPIObject): OpenAPIObject {
  const document = toOas31(structuredClone(input) as Json);
  document.components.headers = { ...(document.components.headers ?? {}), ...HEADERS };
  const usedHeaders = new Set(
    Object.values<Json>(document.paths).flatMap((item) =>
      METHODS.flatMap((method) =>
        (item[method]?.parameters ?? []).filter((p: Json) => p.in === 'header').map((p: Json) => p.name.toLowerCase()),
      ),
    ),
  );
  for (const [header, scheme] of Object.entries(TOKEN_SCHEMES)) {
    if (!usedHeaders.has(header)) continue;
    document.components.securitySchemes[scheme.name] = {
      type: 'apiKey',
      in: 'header',
      name: scheme.header,
      description: scheme.description,
    };
  }
  document.components.securitySchemes.bearer.description =
    'The `accessToken` of a session (`POST /api/v1/auth/login`, `register` or `refresh`): a short-lived JWT signed ' +
    'with HS256 and a dedicated secret, following RFC8725 (JWT best current practices: the algorithm is fixed by the ' +
    'server, `exp` is always checked, and the token names its session, which sign-out and a password change revoke).';
  document.servers = (document.servers ?? []).map((server: Json) => ({
    ...server,
    description: `${server.description ?? 'This server'} (whichever environment serves this document: local, staging or production)`,
    'x-internal': false,
  }));
  closeRequestSchemas(document);
  addRequestExamples(document);
  for (const [path, item] of Object.entries<Json>(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) completeOperation(path, method, operation);
    }
  }
  addWebhooks(document);
  addIntegerFormats(document);
  return document as OpenAPIObject;
}

function completeOperation(path: string, method: string, operation: Json): void {
  const parameters: Json[] = operation.parameters ?? [];
  // A resource token (X-Cart-Token, X-Order-Token) is a credential entered once (Authorize), not a field retyped on every call.
  for (const [header, scheme] of Object.entries(TOKEN_SCHEMES)) {
    const token = (operation.parameters ?? []).find(
      (parameter: Json) => parameter.in === 'header' && parameter.name.toLowerCase() === header,
    );
    if (!token) continue;
    operation.parameters = operation.parameters.filter((parameter: Json) => parameter !== token);
    operation.security = [
      ...(operation.security ?? []).filter((requirement: Json) => !(scheme.name in requirement)),
      { [scheme.name]: [] },
    ];
  }
  const idempotent = parameters.some((parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key');
  for (const parameter of parameters) {
    if (parameter.in === 'header' && parameter.name === 'Idempotency-Key') {
      delete parameter.schema.example;
      parameter.description = `${parameter.description} In Swagger UI, leave it empty: each request then gets a fresh UUID.`;
    }
  }
  const secured = (operation.security ?? []).some((requirement: Json) => 'bearer' in requirement);
  const templated = path.includes('{');
  const throttled = path.startsWith('/api/v1/') && !UNTHROTTLED.some((pattern) => pattern.test(path));
  const hasInput = BODY_METHODS.has(method) || (operation.parameters ?? []).length > 0 || templated;

  const responses: Json = operation.responses;
  const add = (status: number) => {
    responses[status] ??= { description: titleFor(status), content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: PROBLEM_REF } } } };
  };
  if (hasInput) add(400);
  if (BODY_METHODS.has(method)) [413, 415].forEach(add);
  if (templated) [404, 414].forEach(add);
  if (secured) add(401);
  if (secured && path.startsWith('/api/v1/admin/')) add(403);
  if (throttled) add(429);
  if (path.startsWith('/api/v1/')) add(503);
  responses.default ??= {
    description: 'Unexpected error (500): quote its `traceId` when reporting it',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: PROBLEM_REF } } },
  };

  for (const [status, response] of Object.entries<Json>(responses)) {
    const numeric = status === 'default' ? 500 : Number(status);
    if (!response.description) response.description = SUCCESS_DESCRIPTIONS[status] ?? titleFor(numeric);
    const headers: Json = { 'X-Request-Id': { $ref: '#/components/headers/XRequestId' }, ...(response.headers ?? {}) };
    if (throttled && path.startsWith(AUTH_PREFIX)) {
      // /auth has its own limiter (@nestjs/throttler), which speaks the older X-RateLimit-* headers.
      for (const name of ['Limit', 'Remaining', 'Reset'])
        headers[`X-RateLimit-${name}`] = { $ref: `#/components/headers/XRateLimit${name}` };
    } else if (throttled) {
      headers.RateLimit = { $ref: '#/components/headers/RateLimit' };
      headers['RateLimit-Policy'] = { $ref: '#/components/headers/RateLimitPolicy' };
    }
    if (numeric === 201) headers.Location = { $ref: '#/components/headers/Location' };
    // A declared ETag is always sent (also with a 304, which answers the same representation).
    const etag = headers.ETag ?? (numeric === 304 ? responses['200']?.headers?.ETag : undefined);
    if (etag && !etag.$ref) headers.ETag = { ...etag, required: true };
    if (idempotent && numeric < 300) headers['Idempotent-Replayed'] = { $ref: '#/components/headers/IdempotentReplayed' };
    const problem = response.content?.[PROBLEM_CONTENT_TYPE];
    if (problem) {
      if (numeric === 429 || (numeric === 503 && path.startsWith('/api/v1/')))
        headers['Retry-After'] = { $ref: '#/components/headers/RetryAfter' };
      const declared: string[] | undefined = response[PROBLEM_CODES_EXTENSION];
      // Every idempotent operation may answer these, beside what it declares itself.
      const idempotency = idempotent ? IDEMPOTENCY_CODES[numeric] : undefined;
      problem.schema = problemSchema(numeric, status === 'default', declared && idempotency ? [...declared, idempotency] : declared);
      problem.example = problemExample(numeric, path, problem.schema.properties?.code?.enum);
      delete response[PROBLEM_CODES_EXTENSION];
    }
    response.headers = headers;
  }
}

/** The problem of one status of one operation: its `status` and the `code`s a client may switch on. */
function problemSchema(status: number, fallback: boolean, declared?: string[]): Json {
  if (fallback) return { $ref: PROBLEM_REF };
  const codes = [...new Set([...(GENERIC_PROBLEM_CODES[status] ?? []), ...(declared ?? PROBLEM_CODES[status] ?? [])])];
  return {
    allOf: [{ $ref: PROBLEM_REF }],
    required: ['status', 'code'],
    properties: {
      status: { type: 'integer', enum: [status] },
      ...(codes.length ? { code: { type: 'string', enum: codes.sort() } } : {}),
    },
  };
}

function problemExample(status: number, path: string, codes?: string[]): Json {
  const typical = PROBLEM_EXAMPLES[status] ?? { code: 'INTERNAL_ERROR', detail: titleFor(status), instance: path };
  // The status's typical problem, unless this operation answers other codes with it.
  const code = !codes || codes.includes(typical.code) ? typical.code : (codes.find((candidate) => PROBLEM_DETAILS[candidate]) ?? codes[0]);
  const example = code === typical.code ? typical : { code, detail: PROBLEM_DETAILS[code] ?? titleFor(status), instance: path };
  return {
    type: problemType(example.code),
    title: titleFor(status),
    status,
    detail: example.detail,
    instance: example.instance,
    code: example.code,
    traceId: '5f0c3b0e-3d7e-4b7c-9a43-2b1f4b1e8a11',
    ...(status === 400 ? { errors: [{ field: 'quantity', message: 'quantity must not be greater than 99' }] } : {}),
  };
}

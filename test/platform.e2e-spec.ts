import { readFileSync } from 'node:fs';
import { startTestApp, TestApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;

function expectProblem(response: { status: number; headers: Headers; body: any }, status: number, code?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(PROBLEM);
  expect(response.body).toEqual(
    expect.objectContaining({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      instance: expect.any(String),
      code: code ?? expect.stringMatching(/^[A-Z_]+$/),
      traceId: response.headers.get('x-request-id'),
    }),
  );
  expect(JSON.stringify(response.body)).not.toMatch(/at .+\.(js|ts):\d+|stack|QueryFailedError|SELECT |TypeError/);
}

describe('platform: errors, request ids, health, metrics and the contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: 'https://shop.example' });
  });
  afterAll(() => t?.close());

  const register = '/api/v1/auth/register';
  const validBody = { email: 'platform@example.com', password: 'correct horse battery', name: 'Pat' };

  describe('problem responses', () => {
    it('serves an unknown route as a 404 problem, inside and outside /api/v1', async () => {
      expectProblem(await t.http.get('/api/v1/nowhere'), 404, 'NOT_FOUND');
      expectProblem(await t.http.delete('/not-a-route'), 404, 'NOT_FOUND');
    });

    it('rejects an unknown field with VALIDATION_FAILED and names it', async () => {
      const response = await t.http.post(register, { ...validBody, role: 'admin' });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'role' })]));
    });

    it('rejects a wrong type and a missing field without coercion', async () => {
      const wrongType = await t.http.post(register, { ...validBody, name: 12 });
      expectProblem(wrongType, 400, 'VALIDATION_FAILED');
      expect(wrongType.body.errors.map((e: { field: string }) => e.field)).toContain('name');
      const missing = await t.http.post(register, { email: validBody.email, password: validBody.password });
      expectProblem(missing, 400, 'VALIDATION_FAILED');
      expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('name');
    });

    it.each([
      ['an array', '[1,2]'],
      ['null', 'null'],
      ['a scalar', '"text"'],
      ['a number', '42'],
    ])('rejects %s as a body with 400', async (_label, raw) => {
      expectProblem(await t.http.post(register, undefined, { raw }), 400);
    });

    it('rejects malformed JSON with 400', async () => {
      expectProblem(await t.http.post(register, undefined, { raw: '{"email": ' }), 400, 'MALFORMED_REQUEST');
    });

    it('rejects strings containing U+0000 with 400', async () => {
      const response = await t.http.post(register, { ...validBody, name: 'Pat\u0000' });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors[0].field).toBe('name');
    });

    it('rejects nesting deeper than 32 levels with 400', async () => {
      let deep: unknown = 'leaf';
      for (let level = 0; level < 40; level += 1) deep = { deeper: deep };
      expectProblem(await t.http.post(register, { ...validBody, extra: deep }), 400, 'VALIDATION_FAILED');
    });

    it('rejects a body over the limit with 413', async () => {
      const response = await t.http.post(register, { ...validBody, name: 'x'.repeat(1_100_000) });
      expectProblem(response, 413);
    });

    it('rejects another media type with 415', async () => {
      const response = await t.http.post(register, undefined, { raw: 'email=a@b.c', headers: { 'content-type': 'text/plain' } });
      expectProblem(response, 415);
    });

    it('answers a missing token on a private route with a 401 problem', async () => {
      expectProblem(await t.http.get('/api/v1/me'), 401);
    });
  });

  describe('request ids', () => {
    it('echoes a well-formed X-Request-Id, on success and on errors, inside and outside /api/v1', async () => {
      const id = 'shop-frontend:req_42.a-b';
      for (const path of ['/health/live', '/api/v1/nowhere']) {
        const response = await t.http.get(path, { headers: { 'x-request-id': id } });
        expect(response.headers.get('x-request-id')).toBe(id);
      }
      const problem = await t.http.get('/api/v1/nowhere', { headers: { 'x-request-id': id } });
      expect(problem.body.traceId).toBe(id);
    });

    it('generates one when absent or unacceptable', async () => {
      const absent = await t.http.get('/health/live');
      expect(absent.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      for (const bad of ['has space', 'x'.repeat(129), 'semi;colon']) {
        const response = await t.http.get('/health/live', { headers: { 'x-request-id': bad } });
        expect(response.headers.get('x-request-id')).not.toBe(bad);
        expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      }
    });
  });

  describe('operations', () => {
    it('answers liveness and readiness (which checks the database)', async () => {
      expect((await t.http.get('/health/live')).status).toBe(200);
      const ready = await t.http.get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.info.database.status).toBe('up');
    });

    it('exposes Prometheus metrics with request durations by route template and status', async () => {
      await t.http.get('/api/v1/nowhere');
      await t.http.get('/health/live');
      const response = await t.http.get('/metrics');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(response.text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/health\/live"[^}]*status="200"/);
      expect(response.text).toMatch(/process_cpu_user_seconds_total/);
    });

    it('sends security headers', async () => {
      const response = await t.http.get('/health/live');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('strict-transport-security')).toBeTruthy();
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    });

    it('allows CORS only for configured origins', async () => {
      const allowed = await t.http.request('OPTIONS', '/api/v1/products', {
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' },
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
      const denied = await t.http.request('OPTIONS', '/api/v1/products', {
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
      });
      expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('contract', () => {
    it('serves the Swagger UI and the OpenAPI document, identical to the committed openapi.json', async () => {
      const ui = await t.http.get('/docs');
      expect(ui.status).toBe(200);
      expect(ui.headers.get('content-type')).toMatch(/text\/html/);
      const document = await t.http.get('/docs-json');
      expect(document.status).toBe(200);
      expect(document.body.openapi).toMatch(/^3\./);
      expect(document.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(document.body.components.schemas.ProblemDto).toBeDefined();
      const committed = JSON.parse(readFileSync('openapi.json', 'utf8'));
      expect(document.body).toEqual(committed);
    });

    it('states maxLength on every request string, maxItems on every array and bounds on every number', async () => {
      const document = (await t.http.get('/docs-json')).body;
      const requestSchemas = new Set<string>();
      for (const path of Object.values<any>(document.paths)) {
        for (const operation of Object.values<any>(path)) {
          const ref = operation?.requestBody?.content?.['application/json']?.schema?.$ref as string | undefined;
          if (ref) requestSchemas.add(ref.split('/').pop()!);
          for (const parameter of operation?.parameters ?? []) checkField(`${parameter.name} (${parameter.in})`, parameter.schema ?? {});
        }
      }
      const visited = new Set<string>();
      const visit = (name: string) => {
        if (visited.has(name)) return;
        visited.add(name);
        for (const [field, schema] of Object.entries<any>(document.components.schemas[name].properties ?? {})) {
          checkField(`${name}.${field}`, schema, visit);
        }
      };
      requestSchemas.forEach(visit);
      expect(problems).toEqual([]);
    });
  });
});

const problems: string[] = [];
function checkField(name: string, schema: any, visit?: (ref: string) => void): void {
  const refOf = (s: any) => (s?.$ref ?? s?.allOf?.[0]?.$ref) as string | undefined;
  const ref = refOf(schema);
  if (ref) return visit?.(ref.split('/').pop()!);
  if (schema.type === 'string' && !schema.enum && schema.maxLength === undefined && schema.format !== 'uuid')
    problems.push(`${name}: string without maxLength`);
  if (schema.type === 'array') {
    if (schema.maxItems === undefined) problems.push(`${name}: array without maxItems`);
    if (schema.items) checkField(`${name}[]`, schema.items, visit);
  }
  if ((schema.type === 'integer' || schema.type === 'number') && (schema.minimum === undefined || schema.maximum === undefined)) {
    problems.push(`${name}: number without minimum/maximum`);
  }
}

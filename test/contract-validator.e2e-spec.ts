import { contract, ContractValidator, ObservedResponse } from './support/contract';
import { HttpClient } from './support/http-client';
import { startTestApp, TestApp } from './support/test-app';

/** The validator every e2e response goes through (test/support/http-client.ts) can fail. */
describe('contract: responses are checked against openapi.json', () => {
  let t: TestApp;
  let category: ObservedResponse;

  beforeAll(async () => {
    t = await startTestApp();
    category = await t.http.get('/api/v1/categories');
  });
  afterAll(() => t?.close());

  const response = (status: number, body: unknown, headers: Record<string, string> = {}): ObservedResponse => ({
    status,
    headers: new Headers({ 'x-request-id': 'r-1', ...headers }),
    body,
    text: body === undefined ? '' : JSON.stringify(body),
  });

  it('accepts a real response of the server', () => {
    expect(category.status).toBe(200);
    expect(contract().check('GET', '/api/v1/categories', category)).toEqual([]);
  });

  it('fails a response with a deliberately wrong field, naming method, path, status and the field', async () => {
    const product = await t.http.get('/api/v1/products?limit=1');
    expect(product.status).toBe(200);
    const wrong = structuredClone(product.body);
    wrong.page.limit = 'twenty';
    const problems = contract().check('GET', '/api/v1/products?limit=1', { ...product, body: wrong, text: JSON.stringify(wrong) });
    expect(problems).toEqual([expect.stringContaining('/page/limit must be integer')]);
  });

  it('fails an undocumented status, a missing required header and an undocumented media type', () => {
    expect(contract().check('GET', '/api/v1/categories', response(418, { nope: true }))).toEqual([
      'status 418 is not documented for GET /api/v1/categories',
    ]);
    const noRequestId = { ...category, headers: new Headers({ 'content-type': 'application/json' }) };
    expect(contract().check('GET', '/api/v1/categories', noRequestId)).toEqual(['header X-Request-Id is missing']);
    const html = { ...category, headers: new Headers({ 'content-type': 'text/html', 'x-request-id': 'r-1' }) };
    expect(contract().check('GET', '/api/v1/categories', html)).toEqual([
      expect.stringContaining('content-type "text/html" is not documented'),
    ]);
  });

  it('fails an error code the operation does not declare', () => {
    const problem = {
      type: 'https://congocart.dev/problems/slug-taken',
      title: 'Conflict',
      status: 404,
      detail: 'x',
      instance: '/api/v1/orders/1',
      code: 'SLUG_TAKEN',
      traceId: 'r-1',
    };
    const problems = contract().check(
      'GET',
      '/api/v1/orders/3d0c2f1e-8b1a-4c55-9d7e-0a4c1f5b2e77',
      response(404, problem, { 'content-type': 'application/problem+json' }),
    );
    expect(problems).toEqual([expect.stringContaining('/code must be equal to one of the allowed values')]);
  });

  it('checks what the server answers outside the contract against the problem shape', async () => {
    const unknown = await t.http.get('/api/v1/no-such-route');
    expect(unknown.status).toBe(404);
    expect(contract().check('GET', '/api/v1/no-such-route', response(200, { ok: true }))).toEqual([
      'status 200 answered to a route the document does not have',
    ]);
  });

  it('finds the framework’s own answers documented: 400, 413, 414, 415 and 404 are problems of the operation', async () => {
    // Each goes through the validating client: an undocumented status or shape would throw.
    const malformed = await t.http.post('/api/v1/auth/login', undefined, { raw: '{"email":' });
    const tooLarge = await t.http.post('/api/v1/auth/login', undefined, { raw: JSON.stringify({ email: 'x'.repeat(2_000_000) }) });
    const mediaType = await t.http.post('/api/v1/auth/login', undefined, { raw: 'email=a', headers: { 'content-type': 'text/plain' } });
    const longSegment = await t.http.get(`/api/v1/products/${'a'.repeat(400)}`);
    const unknownCart = await t.http.get('/api/v1/carts/3d0c2f1e-8b1a-4c55-9d7e-0a4c1f5b2e77', { headers: { 'x-cart-token': 'nope' } });
    expect([malformed, tooLarge, mediaType, longSegment, unknownCart].map((response) => [response.status, response.body.code])).toEqual([
      [400, 'MALFORMED_REQUEST'],
      [413, 'PAYLOAD_TOO_LARGE'],
      [415, 'UNSUPPORTED_MEDIA_TYPE'],
      [414, 'URI_TOO_LONG'],
      [404, 'NOT_FOUND'],
    ]);
  });

  it('makes the test client throw a readable error on a broken response', async () => {
    const document = structuredClone(contract().document);
    document.paths['/api/v1/categories'].get.responses['200'].content['application/json'].schema = {
      type: 'object',
      required: ['nothing'],
    };
    const client = new HttpClient(t.baseUrl, new ContractValidator(document));
    await expect(client.get('/api/v1/categories')).rejects.toThrow(
      /GET \/api\/v1\/categories → 200[\s\S]*must have required property 'nothing'/,
    );
  });
});

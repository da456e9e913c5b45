import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { expectProblemWithHeaders } from './support/problems';
import { startTestApp, TestApp } from './support/test-app';

/** Issue 12 findings 1, 6, 13, 16 (and issue 11's NUL and over-long path inputs). */
describe('security: hostile input is bounded and answered as problems', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A body limit above the default, so the worst case of the old limit (1 MB) reaches the parser.
    t = await startTestApp({ BODY_LIMIT_BYTES: '2097152', REQUEST_TIMEOUT_MS: '1500', HEADERS_TIMEOUT_MS: '1000' });
  });
  afterAll(() => t?.close());

  describe('finding 1: bodies of many keys', () => {
    const manyKeys = (count: number) => `{${Array.from({ length: count }, (_, i) => `"k${i}":1`).join(',')}}`;

    it('refuses a 1 MB body of 116k keys with a small 400 while other clients are served', async () => {
      const body = manyKeys(116_000);
      expect(body.length).toBeGreaterThan(1_000_000);
      const health = Array.from({ length: 20 }, () => t.http.get('/health/live'));
      const [login, items, ...checks] = await Promise.all([
        t.http.post('/api/v1/auth/login', undefined, { raw: body }),
        t.http.post(`/api/v1/carts/${randomUUID()}/items`, undefined, { raw: body, headers: { 'x-cart-token': 'x'.repeat(43) } }),
        ...health,
      ]);
      for (const response of [login, items]) {
        expectProblemWithHeaders(response, 400, 'VALIDATION_FAILED');
        expect(response.body.errors).toEqual([{ field: '', message: 'An object may have at most 64 properties.' }]);
        expect(response.text.length).toBeLessThan(2_000);
      }
      expect(checks.map((check) => check.status)).toEqual(checks.map(() => 200));
    });

    it('refuses over-long arrays and too many keys in all', async () => {
      const longArray = `{"a":[${Array.from({ length: 1001 }, () => '0').join(',')}]}`;
      expect((await t.http.post('/api/v1/auth/login', undefined, { raw: longArray })).body.errors[0].message).toMatch(/at most 1000 items/);
      const spread = `{"a":[${Array.from({ length: 200 }, () => manyKeys(60)).join(',')}]}`;
      expect((await t.http.post('/api/v1/auth/login', undefined, { raw: spread })).body.errors[0].message).toMatch(/in all/);
    });

    it('lists the first 20 field errors and counts them all', async () => {
      const response = await t.http.post('/api/v1/auth/login', undefined, { raw: manyKeys(60) });
      expectProblemWithHeaders(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toHaveLength(20);
      expect(response.body.errorCount).toBeGreaterThan(20);
    });

    it('refuses a body over the default limit (256 KiB) with 413', async () => {
      const small = await startTestApp();
      try {
        const response = await small.http.post('/api/v1/auth/login', { email: 'a@b.co', password: 'x'.repeat(300_000) });
        expectProblemWithHeaders(response, 413);
      } finally {
        await small.close();
      }
    });
  });

  describe('finding 6: control characters in parameters', () => {
    it.each([
      ['/api/v1/products/%00', 'path'],
      ['/api/v1/products/acc%00nul', 'path'],
      ['/api/v1/products?category=%00', 'category'],
      ['/api/v1/products?q=lamp%0a', 'q'],
      ['/api/v1/admin/users?email=%00', 'email'],
    ])('%s → 400 naming the parameter', async (path, field) => {
      const response = await t.http.get(path);
      expectProblemWithHeaders(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toEqual([{ field, message: 'must not contain control characters' }]);
    });
  });

  describe('finding 16: router-level errors', () => {
    it('answers an unknown route as a 404 problem with the usual headers', async () => {
      expectProblemWithHeaders(await t.http.get('/api/v1/no-such-route'), 404, 'NOT_FOUND');
      expectProblemWithHeaders(await t.http.get('/no-such-route'), 404, 'NOT_FOUND');
    });

    it('answers an over-long path parameter as a 414 problem', async () => {
      expectProblemWithHeaders(await t.http.get(`/api/v1/products/${'a'.repeat(400)}`), 414, 'URI_TOO_LONG');
    });

    it('answers a malformed URL as a 400 problem', async () => {
      expectProblemWithHeaders(await t.http.get('/api/v1/products/%E0%A4%A'), 400, 'MALFORMED_URL');
    });
  });

  describe('finding 13: slow requests', () => {
    it('closes a connection whose body never finishes', async () => {
      const { port } = new URL(t.baseUrl);
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write('POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"em');
        });
        let received = '';
        socket.on('data', (chunk) => (received += chunk.toString()));
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    });
  });
});

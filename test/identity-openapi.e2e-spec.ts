import { startTestApp, TestApp } from './support/test-app';

type Operation = {
  tags?: string[];
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
};

describe('identity: OpenAPI document', () => {
  let t: TestApp;
  let document: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, { properties: Record<string, { example?: unknown }> }> };
  };
  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.http.get('/docs-json')).body;
  });
  afterAll(() => t?.close());

  const operation = (path: string, method: string) => document.paths[path][method];

  it('documents the public auth operations without bearer security, with 429 and Retry-After', () => {
    for (const name of ['register', 'login', 'refresh', 'logout']) {
      const op = operation(`/api/v1/auth/${name}`, 'post');
      expect(op.tags).toEqual(['auth']);
      expect(op.security).toBeUndefined();
      expect(op.responses['429'].content).toHaveProperty(['application/problem+json']);
      expect(op.responses['429'].headers).toHaveProperty('Retry-After');
    }
    expect(Object.keys(operation('/api/v1/auth/register', 'post').responses)).toEqual(expect.arrayContaining(['201', '400', '409', '429']));
    expect(Object.keys(operation('/api/v1/auth/login', 'post').responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '429']),
    );
    expect(Object.keys(operation('/api/v1/auth/refresh', 'post').responses)).toEqual(expect.arrayContaining(['200', '401', '429']));
    expect(Object.keys(operation('/api/v1/auth/logout', 'post').responses)).toEqual(expect.arrayContaining(['204', '429']));
  });

  it('documents bearer security and 401/403/409 on the private operations', () => {
    const me = operation('/api/v1/me', 'get');
    expect(me.tags).toEqual(['me']);
    expect(me.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(me.responses)).toEqual(expect.arrayContaining(['200', '401']));
    const list = operation('/api/v1/admin/users', 'get');
    const update = operation('/api/v1/admin/users/{id}', 'patch');
    for (const op of [list, update]) {
      expect(op.tags).toEqual(['admin-users']);
      expect(op.security).toEqual([{ bearer: [] }]);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
    expect(Object.keys(update.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '409']));
  });

  it('gives an example for every field of every request body', () => {
    const bodies = [
      ['/api/v1/auth/register', 'post'],
      ['/api/v1/auth/login', 'post'],
      ['/api/v1/auth/refresh', 'post'],
      ['/api/v1/auth/logout', 'post'],
      ['/api/v1/admin/users/{id}', 'patch'],
    ];
    for (const [path, method] of bodies) {
      const ref = operation(path, method).requestBody!.content['application/json'].schema.$ref;
      const schema = document.components.schemas[ref.split('/').pop()!];
      for (const [field, property] of Object.entries(schema.properties)) {
        expect([path, field, property.example]).not.toEqual([path, field, undefined]);
      }
    }
  });
});

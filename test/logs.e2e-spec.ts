import { randomUUID } from 'node:crypto';
import { cloneTestDatabase, ServerProcess, startServerProcess } from './support/server-process';

/** The production entry's logs, as a log collector reads them (stdout is a pipe, not a terminal). */
describe('logs: one JSON line per request', () => {
  let server: ServerProcess;
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    database = await cloneTestDatabase();
    server = await startServerProcess({ DATABASE_URL: database.url, NODE_ENV: 'development', LOG_LEVEL: 'info', SEED_DEMO_DATA: 'false' });
  }, 90_000);
  afterAll(async () => {
    server?.kill('SIGTERM');
    await server?.exited;
    await database?.drop();
  });

  it('logs each request exactly once, inside and outside /api/v1, found or not', async () => {
    const paths = ['/api/v1/categories', '/health/ready', '/api/v1/no-such-route', '/health/live', '/docs/swagger-ui.css'];
    // Liveness probes are polled every few seconds, and the Swagger UI's files are static: not logged at all.
    const expected = [1, 1, 1, 0, 0];
    const ids = paths.map(() => randomUUID());
    for (const [index, path] of paths.entries()) {
      const response = await server.http.get(path, { headers: { 'x-request-id': ids[index] } });
      expect(response.headers.get('x-request-id')).toBe(ids[index]);
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.trim() !== '');
    // Not a terminal: JSON, one object a line (pino-pretty is for a person at a terminal in development).
    for (const line of lines.filter((candidate) => candidate.startsWith('{'))) expect(() => JSON.parse(line)).not.toThrow();
    const completed = lines
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; req?: { id?: string } })
      .filter((entry) => entry.msg === 'request completed');
    for (const [index, id] of ids.entries())
      expect([paths[index], completed.filter((entry) => entry.req?.id === id).length]).toEqual([paths[index], expected[index]]);
  });
});

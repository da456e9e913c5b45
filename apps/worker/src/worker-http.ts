import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobQueue, Metrics } from '@congocart/shared';

const CHECK_TIMEOUT_MS = 2000;

/** The worker's only HTTP: liveness, readiness (database and queue) and Prometheus metrics. */
export function createWorkerHttpServer(app: INestApplicationContext): Server {
  const dataSource = app.get(DataSource);
  const queue = app.get(JobQueue);
  const metrics = app.get(Metrics);
  const checks: Record<string, () => Promise<unknown>> = {
    database: () => dataSource.query('SELECT 1'),
    queue: () => queue.ping(),
  };

  return createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET') return send(response, 405, { status: 'error' });
    if (path === '/health/live') return send(response, 200, { status: 'ok', info: {}, error: {}, details: {} });
    if (path === '/health/ready') {
      void ready(checks).then((body) => send(response, body.status === 'ok' ? 200 : 503, body));
      return;
    }
    if (path === '/metrics') {
      void metrics.registry.metrics().then((text) => {
        response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
        response.end(text);
      });
      return;
    }
    send(response, 404, { status: 'error' });
  });
}

async function ready(checks: Record<string, () => Promise<unknown>>) {
  const results: (readonly [string, { status: 'up' | 'down' }])[] = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await withTimeout(check());
        return [name, { status: 'up' }] as const;
      } catch {
        return [name, { status: 'down' }] as const;
      }
    }),
  );
  const details = Object.fromEntries(results);
  const down = results.filter(([, result]) => result.status === 'down');
  return { status: down.length ? 'error' : 'ok', info: down.length ? {} : details, error: Object.fromEntries(down), details };
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref())]);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

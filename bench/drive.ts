import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Runs autocannon in its own process (so neither server shares an event loop with the load
 * generator). Reads a JSON spec on stdin, prints autocannon's result as JSON on stdout.
 * Each connection repeats its own request sequence; `{{uuid}}` in a header or body is replaced
 * per request (fresh Idempotency-Keys).
 */
interface Spec {
  url: string;
  connections: number;
  duration: number;
  sequences: { method: string; path: string; headers?: Record<string, string>; body?: string }[][];
}

const spec = JSON.parse(readFileSync(0, 'utf8')) as Spec;
let nextConnection = 0;
const fill = (text: string | undefined) => (text === undefined ? undefined : text.replace(/\{\{uuid\}\}/g, () => randomUUID()));
const length = spec.sequences[0].length;

const instance = autocannon(
  {
    url: spec.url,
    connections: spec.connections,
    duration: spec.duration,
    requests: Array.from({ length }, (_, step) => ({
      setupRequest: (request: any, context: any) => {
        context.connection ??= nextConnection++ % spec.sequences.length;
        const template = spec.sequences[context.connection][step];
        const headers = Object.fromEntries(Object.entries(template.headers ?? {}).map(([key, value]) => [key, fill(value)!]));
        if (template.body !== undefined) headers['content-type'] ??= 'application/json';
        return { ...request, method: template.method, path: template.path, headers, body: fill(template.body) };
      },
    })),
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    process.stdout.write(JSON.stringify(result));
  },
);
process.once('SIGINT', () => instance.stop());

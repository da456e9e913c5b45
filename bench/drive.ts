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
// Each sequence belongs to one state slot (e.g. one customer). autocannon clears a client's context
// whenever its sequence starts over, so a client takes a free slot at step 0 and gives it back after
// the last response: two clients never work on the same customer's cart at once.
const freeSlots = spec.sequences.map((_, slot) => slot);
const fill = (text: string | undefined) => (text === undefined ? undefined : text.replace(/\{\{uuid\}\}/g, () => randomUUID()));
const length = spec.sequences[0].length;

const instance = autocannon(
  {
    url: spec.url,
    connections: spec.connections,
    duration: spec.duration,
    requests: Array.from({ length }, (_, step) => ({
      setupRequest: (request: any, context: any) => {
        // One shared sequence (stateless requests) needs no slots.
        if (step === 0) context.slot = spec.sequences.length === 1 ? 0 : freeSlots.shift();
        const template = spec.sequences[context.slot][step];
        const headers = Object.fromEntries(Object.entries(template.headers ?? {}).map(([key, value]) => [key, fill(value)!]));
        if (template.body !== undefined) headers['content-type'] ??= 'application/json';
        return { ...request, method: template.method, path: template.path, headers, body: fill(template.body) };
      },
      onResponse: (_status: number, _body: string, context: any) => {
        if (step === length - 1 && spec.sequences.length > 1) freeSlots.push(context.slot);
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

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationFailedError } from '../errors/domain-error';
import { exceededJsonLimit, JSON_LIMITS } from './json-shape-limits';

const MAX_DEPTH = JSON_LIMITS.maxDepth;

/** Parsing failures the problem mapper renders as 400 MALFORMED_REQUEST. */
class MalformedBodyError extends Error {
  readonly statusCode = 400;
}

/**
 * Replaces Fastify's JSON parser: a body must be a JSON object (not null, an array or a
 * scalar), stay within JSON_LIMITS (depth, keys, array lengths: checked before parsing) and
 * contain no U+0000 anywhere. Prototype-polluting keys are refused too.
 */
export function registerStrictJsonParser(app: FastifyInstance, options: { rawBodyPathPrefixes?: string[] } = {}): void {
  const rawPrefixes = options.rawBodyPathPrefixes ?? [];
  // Only JSON is accepted: dropping Fastify's text/plain parser makes other media types 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    /^application\/([\w.+-]+\+)?json$/i,
    { parseAs: 'string' },
    (request: FastifyRequest, body: string | Buffer, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      // Signed payloads (webhooks) are verified over their exact bytes before anything parses them.
      if (rawPrefixes.some((prefix) => request.url.startsWith(prefix))) {
        (request as FastifyRequest & { rawBody?: Buffer }).rawBody = Buffer.from(text, 'utf8');
        return done(null, {});
      }
      if (text.trim() === '') return done(null, undefined);
      const tooBig = exceededJsonLimit(text);
      if (tooBig) return done(new ValidationFailedError([{ field: '', message: tooBig }]), undefined);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return done(new MalformedBodyError('Malformed JSON'), undefined);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return done(new ValidationFailedError([{ field: '', message: 'The body must be a JSON object.' }]), undefined);
      }
      const problem = inspect(parsed, 1, '');
      if (problem) return done(new ValidationFailedError([problem]), undefined);
      done(null, parsed);
    },
  );
}

function inspect(value: unknown, depth: number, path: string): { field: string; message: string } | undefined {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? { field: path, message: 'Strings must not contain U+0000.' } : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth > MAX_DEPTH) return { field: path, message: `The body nests deeper than ${MAX_DEPTH} levels.` };
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  for (const [key, item] of entries) {
    const field = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return { field: path, message: 'Keys must not contain U+0000.' };
    if (key === '__proto__' || key === 'constructor' || key === 'prototype')
      return { field, message: 'This property name is not allowed.' };
    const problem = inspect(item, depth + 1, field);
    if (problem) return problem;
  }
  return undefined;
}

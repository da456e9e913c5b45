import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { ValidationFailedError } from '../errors/domain-error';

/** A control character (U+0000–U+001F, U+007F), raw or %-encoded. */
const CONTROL = /[\u0000-\u001f\u007f]|%(?:[01][0-9a-f]|7f)/i;
const CONTROL_DECODED = /[\u0000-\u001f\u007f]/;

/**
 * onRequest: no path or query parameter may carry a control character. PostgreSQL refuses NUL in
 * text (a 500 otherwise) and no identifier, slug, filter or search term needs any of them.
 * One check on the raw request line, before routing reaches any controller.
 */
export function rejectControlCharacters(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const url = request.raw.url ?? '';
  if (!CONTROL.test(url)) return done();
  done(new ValidationFailedError(offendingParameters(url), 'Path and query parameters must not contain control characters.'));
}

function offendingParameters(url: string): { field: string; message: string }[] {
  const [path, query = ''] = url.split(/\?(.*)/s, 2);
  const message = 'must not contain control characters';
  const fields: { field: string; message: string }[] = [];
  if (CONTROL.test(path)) fields.push({ field: 'path', message });
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return fields.length ? fields : [{ field: 'query', message }];
  }
  for (const [name, value] of params) {
    if (CONTROL_DECODED.test(name) || CONTROL_DECODED.test(value))
      fields.push({ field: CONTROL_DECODED.test(name) ? 'query' : name, message });
  }
  return fields.length ? fields : [{ field: 'query', message }];
}

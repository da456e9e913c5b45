import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Logger } from 'pino';

/** Polled by probes and scrapers every few seconds: not worth a line each. */
const QUIET_PATHS = new Set(['/health/live', '/metrics']);
/** The Swagger UI's own static files. */
const QUIET_PREFIX = '/docs/';

/**
 * Fastify onResponse hook: one "request completed" line per request, written with the root
 * logger. Nothing is allocated for a request whose line the level leaves out (LOG_LEVEL=warn
 * and a non-5xx answer), and no child logger is built for any.
 */
export function requestLogHook(logger: Logger) {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    if (logger.isLevelEnabled(level) && !quiet(request.url.split('?', 1)[0])) {
      logger[level](
        {
          req: { id: request.id, method: request.method, url: request.url, remoteAddress: request.ip },
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime),
          traceId: request.id,
        },
        'request completed',
      );
    }
    done();
  };
}

function quiet(path: string): boolean {
  return QUIET_PATHS.has(path) || path.startsWith(QUIET_PREFIX);
}

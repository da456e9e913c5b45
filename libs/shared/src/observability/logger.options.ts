import type { Params } from 'nestjs-pino';
import { PlatformConfig } from '../config/platform.config';

const LOGGED = Symbol('congocart.request-logged');
/** Polled by probes and scrapers every few seconds: not worth a line each. */
const QUIET_PATHS = new Set(['/health/live', '/metrics']);

/**
 * Structured JSON logs carrying the request id; credentials never reach a log line. A person at
 * a terminal in development reads them through pino-pretty; anything else (files, collectors,
 * containers) gets one JSON object a line.
 */
export function loggerOptions(config: PlatformConfig, stdoutIsTerminal = Boolean(process.stdout.isTTY)): Params {
  const pretty = config.nodeEnv === 'development' && stdoutIsTerminal;
  return {
    pinoHttp: {
      level: config.nodeEnv === 'test' ? 'silent' : config.logLevel,
      ...(pretty
        ? {
            transport: {
              target: 'pino-pretty',
              options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,req,res' },
            },
          }
        : {}),
      genReqId: (request) => (request as { id?: string }).id ?? 'unknown',
      customProps: (request) => ({ traceId: (request as { id?: string }).id }),
      serializers: {
        req: (request: { id?: string; method?: string; url?: string; remoteAddress?: string }) => ({
          id: request.id,
          method: request.method,
          url: request.url,
          remoteAddress: request.remoteAddress,
        }),
        res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
      },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-cart-token"]',
          'req.headers["x-order-token"]',
          'req.headers["webhook-signature"]',
          'res.headers["set-cookie"]',
          '*.password',
          '*.refreshToken',
          '*.accessToken',
          '*.token',
          '*.orderToken',
          '*.secret',
        ],
        censor: '[redacted]',
      },
      autoLogging: { ignore: (request) => QUIET_PATHS.has(pathOf(request)) || alreadyLogged(request) },
    },
  };
}

/** The full path: where the middleware is mounted on a route, `url` is cut to what follows the mount point. */
function pathOf(request: { url?: string; originalUrl?: string }): string {
  return (request.originalUrl ?? request.url ?? '').split('?')[0];
}

/**
 * Nest applies the logging middleware once for the routes under the global prefix and once more
 * for the routes excluded from it (health, metrics, docs): both runs saw the same request, and each
 * logged "request completed". The first run marks the request; the second stays quiet.
 */
function alreadyLogged(request: object): boolean {
  const marked = request as { [LOGGED]?: boolean };
  if (marked[LOGGED]) return true;
  marked[LOGGED] = true;
  return false;
}

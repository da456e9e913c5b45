import type { Params } from 'nestjs-pino';
import { stdSerializers } from 'pino';
import { PlatformConfig } from '../config/platform.config';

/**
 * Structured JSON logs; credentials never reach a log line. A person at a terminal in development
 * reads them through pino-pretty; anything else (files, collectors, containers) gets one JSON
 * object a line. nestjs-pino supplies Nest's Logger, but its per-request middleware (pino-http
 * through Fastify's middleware bridge, a child logger and an AsyncLocalStorage context for every
 * request) is not mounted: the one line per request comes from a Fastify hook (request-log.ts).
 */
export function loggerOptions(config: PlatformConfig, stdoutIsTerminal = Boolean(process.stdout.isTTY)): Params {
  const pretty = config.nodeEnv === 'development' && stdoutIsTerminal;
  return {
    forRoutes: [],
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
      serializers: {
        // pg attaches the connection it failed on to its errors: its state, parameters and
        // cancel key are neither for a log line nor small.
        err: (error: Error) => {
          const { client: _client, ...rest } = stdSerializers.err(error) as ReturnType<typeof stdSerializers.err> & { client?: unknown };
          return rest;
        },
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
    },
  };
}

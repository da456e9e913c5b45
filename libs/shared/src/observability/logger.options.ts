import type { Params } from 'nestjs-pino';
import { PlatformConfig } from '../config/platform.config';

/** Structured JSON logs carrying the request id; credentials never reach a log line. */
export function loggerOptions(config: PlatformConfig): Params {
  return {
    pinoHttp: {
      level: config.nodeEnv === 'test' ? 'silent' : config.logLevel,
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
      autoLogging: { ignore: (request) => request.url === '/health/live' || request.url === '/metrics' },
    },
  };
}

import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import { Logger, PinoLogger } from 'nestjs-pino';
import {
  ClientRateLimitHook,
  Metrics,
  noStoreForPersonalResponses,
  PlatformConfig,
  registerStrictJsonParser,
  requestLogHook,
  rejectControlCharacters,
  requestIdFor,
  routerErrorHandler,
  ShutdownState,
  enterStatementCount,
  startStatementCount,
  statementCountHeader,
} from '@congocart/shared';
import { AppModule } from '../app.module';
import { DEMO_ACCOUNTS } from '../seed/demo-seed';
import { buildOpenApiDocument, mountSwaggerUi } from './swagger';

export const API_PREFIX = 'api/v1';
const OUTSIDE_PREFIX = ['health/live', 'health/ready', 'metrics'];

export interface CreateAppOptions {
  config: PlatformConfig;
  databaseUrl: string;
  /** Builds the module graph without instantiating providers (no database): for `npm run openapi`. */
  preview?: boolean;
}

/** Builds the fully configured HTTP application; used by main.ts, the tests and the OpenAPI export. */
export async function createApp({ config, databaseUrl, preview = false }: CreateAppOptions): Promise<NestFastifyApplication> {
  // helmet itself, built once: @fastify/helmet rebuilds (and re-parses the CSP) on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
      },
    },
  });
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // A hop count becomes proxy-addr's "trust the first n hops" (Fastify's types omit numbers).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    routerOptions: { maxParamLength: 300 },
    // Router-level rejections (malformed URL, over-long parameter) answer problems with the usual headers.
    frameworkErrors: routerErrorHandler((request, reply) => {
      reply.header('x-request-id', request.id);
      securityHeaders(request.raw, reply.raw, () => undefined);
    }),
    requestTimeout: config.requestTimeoutMs,
    genReqId: (request: IncomingMessage) => requestIdFor(request),
    return503OnClosing: true,
    // No Express-style middleware is mounted (logging and the request context are Fastify hooks
    // or not per request at all): no @fastify/middie hook on every request either.
    skipMiddie: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register({ config, databaseUrl }), adapter, {
    bufferLogs: true,
    bodyParser: false,
    preview,
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Slow clients: all headers, and the whole request (body included), within bounds; checked every second.
  fastify.server.headersTimeout = config.headersTimeoutMs;
  fastify.server.requestTimeout = config.requestTimeoutMs;
  (fastify.server as { connectionsCheckingInterval?: number }).connectionsCheckingInterval = 1000;
  registerStrictJsonParser(fastify, { rawBodyPathPrefixes: [`/${API_PREFIX}/payments/webhooks/`] });
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  if (!preview) {
    app.useLogger(app.get(Logger));
    // The root pino logger exists once Nest's Logger does.
    fastify.addHook('onResponse', requestLogHook(PinoLogger.root));
    // While draining, every answer asks the client to close: no idle keep-alive socket is left to reset at close.
    const shutdown = app.get(ShutdownState);
    fastify.addHook('onRequest', (_request, reply, done) => {
      if (shutdown.draining) reply.header('connection', 'close');
      done();
    });
    const metrics = app.get(Metrics);
    fastify.addHook('onResponse', (request, reply, done) => {
      metrics.observeRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
  }

  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  fastify.addHook('onRequest', rejectControlCharacters);
  fastify.addHook('onSend', noStoreForPersonalResponses);
  if (config.queryCountHeader) {
    fastify.addHook('onRequest', startStatementCount);
    fastify.addHook('preHandler', enterStatementCount);
    fastify.addHook('onSend', statementCountHeader);
  }
  if (!preview) fastify.addHook('onRequest', app.get(ClientRateLimitHook).handle);
  app.enableCors({
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    exposedHeaders: ['X-Request-Id', 'ETag', 'Location', 'Retry-After', 'Idempotent-Replayed', 'RateLimit', 'RateLimit-Policy'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'If-None-Match', 'X-Cart-Token', 'X-Request-Id'],
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: OUTSIDE_PREFIX });
  if (config.docsEnabled) {
    const demoAccounts = config.nodeEnv === 'development' && config.seedDemoData ? DEMO_ACCOUNTS : [];
    mountSwaggerUi(app, buildOpenApiDocument(app, { demoAccounts }));
  }
  return app;
}

function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimitConfig } from './rate-limit.config';
import { RateLimiter } from './rate-limiter';
import { ipRules, routeClassOf } from './route-classes';

/**
 * Fastify onRequest: the per-client-IP limits, before the body is read or anything is parsed.
 * The client IP honours TRUST_PROXY (a hop count or proxy list), so clients cannot pick their key.
 */
@Injectable()
export class ClientRateLimitHook {
  constructor(
    private readonly config: RateLimitConfig,
    private readonly limiter: RateLimiter,
  ) {}

  readonly handle = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!this.config.enabled) return;
    const routeClass = routeClassOf(request.method, request.url);
    if (routeClass) await this.limiter.consume(request, reply, `ip:${request.ip}`, ipRules(routeClass, this.config));
  };
}

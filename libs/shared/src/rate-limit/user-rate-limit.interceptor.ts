import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { RateLimitConfig } from './rate-limit.config';
import { RateLimiter } from './rate-limiter';
import { routeClassOf, userRules } from './route-classes';

/**
 * The per-user limits. An interceptor, because it runs after the access guard has verified who
 * the caller is (a key taken from an unverified token could be aimed at someone else's budget).
 */
@Injectable()
export class UserRateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly config: RateLimitConfig,
    private readonly limiter: RateLimiter,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: { userId?: unknown } }>();
    const userId = request.user?.userId;
    const routeClass = this.config.enabled && typeof userId === 'string' ? routeClassOf(request.method, request.url) : null;
    if (routeClass && typeof userId === 'string')
      await this.limiter.consume(request, http.getResponse<FastifyReply>(), `user:${userId}`, userRules(routeClass, this.config));
    return next.handle();
  }
}

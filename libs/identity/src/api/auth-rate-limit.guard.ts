import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerException, ThrottlerGuard, ThrottlerLimitDetail, ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { IdentityConfig } from '../identity.config';

/** DI token of the storage behind the auth limits: in memory, or Redis when REDIS_URL is set. */
export const AUTH_THROTTLER_STORAGE = Symbol('AUTH_THROTTLER_STORAGE');

/**
 * AUTH_REQUESTS_PER_MINUTE_PER_IP requests a minute per client IP, shared by every /auth route.
 * Generous on purpose: many shoppers may sit behind one NAT or backend-for-frontend.
 */
@Injectable()
export class AuthRateLimitGuard extends ThrottlerGuard {
  // Every parameter names its token: ThrottlerGuard's own parameter decorators would otherwise be inherited.
  constructor(
    @Inject(IdentityConfig) config: IdentityConfig,
    @Inject(AUTH_THROTTLER_STORAGE) storage: ThrottlerStorage,
    @Inject(Reflector) reflector: Reflector,
  ) {
    super({ throttlers: [{ name: 'default', ttl: 60_000, limit: config.authRequestsPerMinutePerIp }] }, storage, reflector);
  }

  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return `auth-ip:${tracker}`;
  }

  /** The problem filter renders the 429 body; Retry-After must be on the reply before it does. */
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    reply.header('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    throw new ThrottlerException();
  }
}

import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimitStore } from './rate-limit.store';
import { TooManyRequestsError } from './too-many-requests.error';
import type { LimitRule } from './route-classes';

interface Standing {
  rule: LimitRule;
  remaining: number;
  resetSeconds: number;
}

const STANDINGS = Symbol('rateLimitStandings');
type WithStandings = { [STANDINGS]?: Standing[] };

/**
 * Counts a request against rules and writes the IETF RateLimit / RateLimit-Policy headers
 * (draft-ietf-httpapi-ratelimit-headers) for every rule applied to it so far; past a limit, 429
 * with Retry-After.
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly store: RateLimitStore) {}

  async consume(request: FastifyRequest, reply: FastifyReply, subject: string, rules: LimitRule[]): Promise<void> {
    const holder = request.raw as WithStandings;
    const standings = (holder[STANDINGS] ??= []);
    let exceeded: Standing | undefined;
    for (const rule of rules) {
      const { count, resetMs } = await this.store.hit(`${rule.name}:${subject}`, rule.windowSeconds * 1000);
      const standing = { rule, remaining: Math.max(0, rule.limit - count), resetSeconds: Math.max(1, Math.ceil(resetMs / 1000)) };
      standings.push(standing);
      if (count > rule.limit && (!exceeded || standing.resetSeconds > exceeded.resetSeconds)) exceeded = standing;
    }
    writeHeaders(reply, standings, exceeded);
    if (exceeded) {
      reply.header('retry-after', String(exceeded.resetSeconds));
      throw new TooManyRequestsError(undefined, { policy: exceeded.rule.name });
    }
  }
}

function writeHeaders(reply: FastifyReply, standings: Standing[], exceeded: Standing | undefined): void {
  reply.header('ratelimit-policy', standings.map(({ rule }) => `"${rule.name}";q=${rule.limit};w=${rule.windowSeconds}`).join(', '));
  // RateLimit reports the policy closest to its limit (the one that answered 429, if any).
  const nearest = exceeded ?? standings.reduce((a, b) => (b.remaining < a.remaining ? b : a));
  reply.header('ratelimit', `"${nearest.rule.name}";r=${nearest.remaining};t=${nearest.resetSeconds}`);
}

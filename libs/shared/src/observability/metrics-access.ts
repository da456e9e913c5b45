import { createHash, timingSafeEqual } from 'node:crypto';
import { UnauthorizedException } from '@nestjs/common';
import { NotFoundError } from '../errors/domain-error';
import type { PlatformConfig } from '../config/platform.config';

/**
 * Who may scrape /metrics (it reveals the Node version and per-route counts, i.e. sales):
 * with METRICS_TOKEN set, a request bearing it; without, anyone outside production and nobody in it.
 */
export function assertMayScrape(config: PlatformConfig, authorization: string | undefined): void {
  if (!config.metricsToken) {
    if (config.nodeEnv === 'production') throw new NotFoundError('The resource');
    return;
  }
  const presented = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
  if (!timingSafeEqual(digest(presented), digest(config.metricsToken)))
    throw new UnauthorizedException('A valid metrics token is required.');
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

import { Logger, ServiceUnavailableException } from '@nestjs/common';

const logger = new Logger('RateLimits');

/**
 * Rate limits fail closed: without their shared store they answer 503 rather than let
 * unlimited sign-in guesses through. (Unset REDIS_URL to fall back to per-process limits.)
 */
export async function orUnavailable<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    logger.error(`Rate-limit store unavailable: ${error instanceof Error ? error.message : String(error)}`);
    throw new ServiceUnavailableException('Rate limiting is temporarily unavailable.');
  }
}

import { createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, EnvReader } from '@congocart/shared';

const DEV_SECRET_FILE = '.data/jwt-secret';

/** Token, session and bootstrap-admin settings of the identity context. */
export class IdentityConfig {
  /**
   * JWT_SECRET as a secret KeyObject. Given a string, jsonwebtoken first tries to parse it as a PEM
   * key and throws, on every sign and verify: that alone took a third of the CPU of a signed-in read.
   */
  readonly jwtKey: KeyObject;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  readonly adminEmail: string | undefined;
  readonly adminPassword: string | undefined;
  readonly loginFailuresPerMinute: number;
  readonly authRequestsPerMinutePerIp: number;
  /** Prefix of the rate-limit keys in Redis, so environments may share one Redis. */
  readonly rateLimitKeyPrefix: string;
  /** How long a user's current role/status and session liveness are cached (cleared at once on a change). */
  readonly accessCheckCacheTtlMs: number;

  constructor(env: EnvReader = new EnvReader(), nodeEnv = process.env.NODE_ENV ?? 'development') {
    this.jwtKey = createSecretKey(Buffer.from(resolveSecret(env.optionalString('JWT_SECRET'), nodeEnv), 'utf8'));
    this.jwtIssuer = env.string('JWT_ISSUER', 'congocart');
    this.jwtAudience = env.string('JWT_AUDIENCE', 'congocart-api');
    this.accessTokenTtlSeconds = env.int('JWT_ACCESS_TTL_SECONDS', 900, { min: 30, max: 86_400 });
    this.refreshTokenTtlSeconds = env.int('REFRESH_TOKEN_TTL_SECONDS', 30 * 86_400, { min: 60 });
    this.adminEmail = env.optionalString('ADMIN_EMAIL');
    this.adminPassword = env.optionalString('ADMIN_PASSWORD');
    if (Boolean(this.adminEmail) !== Boolean(this.adminPassword)) {
      throw new ConfigError(
        this.adminEmail ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL',
        'must be set together with its pair (ADMIN_EMAIL + ADMIN_PASSWORD)',
      );
    }
    this.loginFailuresPerMinute = env.int('LOGIN_FAILURES_PER_MINUTE', 10, { min: 1 });
    this.authRequestsPerMinutePerIp = env.int('AUTH_REQUESTS_PER_MINUTE_PER_IP', 300, { min: 1 });
    this.rateLimitKeyPrefix = env.string('RATE_LIMIT_KEY_PREFIX', 'congocart:');
    this.accessCheckCacheTtlMs = env.int('ACCESS_CHECK_CACHE_TTL_MS', 10_000, { min: 0, max: 300_000 });
  }
}

/** Production demands a real secret; development keeps a generated one under .data/. */
function resolveSecret(secret: string | undefined, nodeEnv: string): string {
  if (secret) {
    if (nodeEnv === 'production' && Buffer.byteLength(secret) < 32)
      throw new ConfigError('JWT_SECRET', 'must be at least 32 bytes in production');
    return secret;
  }
  if (nodeEnv === 'production') throw new ConfigError('JWT_SECRET', 'is required in production (at least 32 bytes)');
  if (existsSync(DEV_SECRET_FILE)) {
    const stored = readFileSync(DEV_SECRET_FILE, 'utf8').trim();
    if (Buffer.byteLength(stored) >= 32) return stored; // otherwise (empty, truncated) make a new one
  }
  const generated = randomBytes(48).toString('base64url');
  mkdirSync(dirname(DEV_SECRET_FILE), { recursive: true });
  writeFileSync(DEV_SECRET_FILE, generated, { mode: 0o600 });
  return generated;
}

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, EnvReader } from '@congocart/shared';
import { DEFAULT_RETRY_SCHEDULE_SECONDS } from './domain/retry-schedule';

const DEV_KEY_FILE = '.data/webhook-secret-key';

/** Outbound webhook settings. */
export class WebhooksConfig {
  /** AES-256-GCM key that encrypts endpoint secrets at rest (32 bytes). */
  readonly secretKey: Buffer;
  readonly production: boolean;
  /** Production only: allow URLs that resolve to loopback/private/link-local addresses. */
  readonly allowPrivateUrls: boolean;
  /** Delay before each retry, in seconds; when spent, the delivery is dead. */
  readonly retryScheduleSeconds: number[];
  readonly timeoutMs: number;
  /** An endpoint that has failed without a success for this long is disabled. */
  readonly disableAfterMs: number;
  /** At most this much of a receiver's response body is read (the rest is discarded). */
  readonly responseBodyLimitBytes = 4096;

  constructor(env: EnvReader = new EnvReader(), nodeEnv = process.env.NODE_ENV ?? 'development') {
    this.production = nodeEnv === 'production';
    this.secretKey = resolveKey(env.optionalString('WEBHOOK_SECRET_KEY'), nodeEnv);
    this.allowPrivateUrls = env.bool('WEBHOOK_ALLOW_PRIVATE_URLS', false);
    this.retryScheduleSeconds = retrySchedule(env);
    this.timeoutMs = env.int('WEBHOOK_TIMEOUT_MS', 10_000, { min: 100, max: 60_000 });
    this.disableAfterMs = env.int('WEBHOOK_DISABLE_AFTER_HOURS', 24, { min: 1, max: 24 * 30 }) * 3_600_000;
  }

  /** Whether URLs must be checked against private address ranges (SSRF). */
  get guardsPrivateAddresses(): boolean {
    return this.production && !this.allowPrivateUrls;
  }
}

function retrySchedule(env: EnvReader): number[] {
  const items = env.list('WEBHOOK_RETRY_SCHEDULE_SECONDS');
  if (items.length === 0) return DEFAULT_RETRY_SCHEDULE_SECONDS;
  if (items.length > 20 || !items.every((item) => /^\d{1,6}(\.\d{1,3})?$/.test(item))) {
    throw new ConfigError('WEBHOOK_RETRY_SCHEDULE_SECONDS', 'must be a comma-separated list of at most 20 delays in seconds');
  }
  return items.map(Number);
}

/** Base64 or hex of 32 bytes. Production demands one; development keeps a generated one under .data/. */
function resolveKey(raw: string | undefined, nodeEnv: string): Buffer {
  if (raw) {
    const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
    if (key.length !== 32) throw new ConfigError('WEBHOOK_SECRET_KEY', 'must be 32 bytes, as 64 hex digits or base64');
    return key;
  }
  if (nodeEnv === 'production') throw new ConfigError('WEBHOOK_SECRET_KEY', 'is required in production (32 bytes, hex or base64)');
  // Each test app has its own database, so a key of its own is enough; nothing is written.
  if (nodeEnv === 'test') return randomBytes(32);
  if (existsSync(DEV_KEY_FILE)) {
    const stored = Buffer.from(readFileSync(DEV_KEY_FILE, 'utf8').trim(), 'base64');
    if (stored.length === 32) return stored; // otherwise (empty, truncated) make a new one
  }
  const generated = randomBytes(32);
  mkdirSync(dirname(DEV_KEY_FILE), { recursive: true });
  writeFileSync(DEV_KEY_FILE, generated.toString('base64'), { mode: 0o600 });
  return generated;
}

import { createHmac } from 'node:crypto';
import { developmentSecret } from './dev-secret';
import { ConfigError, EnvReader } from './env';

export type NodeEnv = 'development' | 'test' | 'production';

/** Settings of the HTTP platform and database; each context reads its own settings the same way. */
export class PlatformConfig {
  readonly nodeEnv: NodeEnv;
  readonly host: string;
  readonly port: number;
  readonly databaseUrl: string | undefined;
  readonly databasePoolSize: number;
  readonly databaseConnectTimeoutMs: number;
  readonly databaseStatementTimeoutMs: number;
  readonly databaseIdleInTransactionTimeoutMs: number;
  readonly embeddedDatabaseDir: string;
  readonly embeddedDatabaseDurable: boolean;
  readonly migrationsRun: boolean;
  readonly seedDemoData: boolean;
  readonly bodyLimitBytes: number;
  readonly corsOrigins: string[];
  readonly logLevel: string;
  readonly currency: string;
  readonly redisUrl: string | undefined;
  /** Fastify's trustProxy: false, a hop count, or the proxies' addresses/CIDRs (never "every hop"). */
  readonly trustProxy: false | number | string[];
  readonly shutdownTimeoutMs: number;
  readonly shutdownGraceMs: number;
  /** Bounds on slow clients: all headers within headersTimeoutMs, the whole request within requestTimeoutMs. */
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  /** Swagger UI and /docs-json (on outside production by default). */
  readonly docsEnabled: boolean;
  /** Bearer token /metrics requires; unset: /metrics is open outside production and off in production. */
  readonly metricsToken: string | undefined;
  /** HMAC key of list cursors: CURSOR_SECRET, else derived from JWT_SECRET, else generated under .data/ (development). */
  readonly cursorKey: Buffer;
  /** AES-256-GCM key of SealedBox (secrets on their way through a job, e.g. a guest's order token): SEALING_KEY, else derived like cursorKey. */
  readonly sealingKey: Buffer;
  /** Tests only (QUERY_COUNT_HEADER=true; always off in production): every response tells how many SQL statements it took. */
  readonly queryCountHeader: boolean;

  constructor(env: EnvReader = new EnvReader()) {
    this.nodeEnv = env.oneOf('NODE_ENV', ['development', 'test', 'production'] as const, 'development');
    this.host = env.string('HOST', '0.0.0.0');
    this.port = env.int('PORT', 3000, { min: 0, max: 65535 });
    this.databaseUrl = env.url('DATABASE_URL', ['postgres:', 'postgresql:']);
    this.databasePoolSize = env.int('DATABASE_POOL_SIZE', 10, { min: 1, max: 200 });
    // Bounds on every request's database work: a down or frozen database answers 503 in seconds.
    this.databaseConnectTimeoutMs = env.int('DATABASE_CONNECT_TIMEOUT_MS', 5000, { min: 100, max: 600_000 });
    this.databaseStatementTimeoutMs = env.int('DATABASE_STATEMENT_TIMEOUT_MS', 10_000, { min: 100, max: 3_600_000 });
    this.databaseIdleInTransactionTimeoutMs = env.int('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 30_000, { min: 100, max: 3_600_000 });
    this.embeddedDatabaseDir = env.string('EMBEDDED_DATABASE_DIR', '.data/postgres');
    this.embeddedDatabaseDurable = env.bool('EMBEDDED_DATABASE_DURABLE', true);
    this.migrationsRun = env.bool('MIGRATIONS_RUN', true);
    this.seedDemoData = env.bool('SEED_DEMO_DATA', true);
    this.bodyLimitBytes = env.int('BODY_LIMIT_BYTES', 262_144, { min: 1024 });
    this.corsOrigins = env.list('CORS_ORIGINS');
    this.logLevel = env.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info');
    this.currency = env.string('STORE_CURRENCY', 'USD');
    if (!/^[A-Z]{3}$/.test(this.currency)) {
      throw new ConfigError('STORE_CURRENCY', 'must be an ISO-4217 code such as USD');
    }
    this.redisUrl = env.url('REDIS_URL', ['redis:', 'rediss:']);
    this.trustProxy = trustProxyFrom(env);
    this.shutdownTimeoutMs = env.int('SHUTDOWN_TIMEOUT_MS', 10_000, { min: 0 });
    this.shutdownGraceMs = env.int('SHUTDOWN_GRACE_MS', 3000, { min: 0, max: 600_000 });
    this.headersTimeoutMs = env.int('HEADERS_TIMEOUT_MS', 10_000, { min: 100 });
    this.requestTimeoutMs = env.int('REQUEST_TIMEOUT_MS', 30_000, { min: 100 });
    if (this.headersTimeoutMs > this.requestTimeoutMs) throw new ConfigError('HEADERS_TIMEOUT_MS', 'must not exceed REQUEST_TIMEOUT_MS');
    this.docsEnabled = env.bool('DOCS_ENABLED', this.nodeEnv !== 'production');
    this.metricsToken = env.optionalString('METRICS_TOKEN');
    if (this.metricsToken && Buffer.byteLength(this.metricsToken) < 16) throw new ConfigError('METRICS_TOKEN', 'must be at least 16 bytes');
    this.cursorKey = cursorKeyFrom(env, this.nodeEnv);
    this.sealingKey = sealingKeyFrom(env, this.nodeEnv);
    // Never in production, whatever the environment says (the production-mode tests run with the test environment).
    this.queryCountHeader = this.nodeEnv !== 'production' && env.bool('QUERY_COUNT_HEADER', false);
  }
}

/** TRUST_PROXY: `false`, a hop count (`1`: one proxy in front), or a comma-separated list of proxy addresses/CIDRs. */
function trustProxyFrom(env: EnvReader): false | number | string[] {
  const raw = env.optionalString('TRUST_PROXY');
  if (raw === undefined || raw === 'false' || raw === '0') return false;
  if (/^\d+$/.test(raw)) return Math.min(Number(raw), 10);
  if (raw === 'true')
    throw new ConfigError('TRUST_PROXY', 'trusts every X-Forwarded-For hop when true: give the hop count (e.g. 1) or the proxy addresses');
  const addresses = env.list('TRUST_PROXY');
  if (
    !addresses.every((address) => /^[0-9a-f.:]+(\/\d{1,3})?$/i.test(address) || ['loopback', 'linklocal', 'uniquelocal'].includes(address))
  )
    throw new ConfigError('TRUST_PROXY', 'must be false, a hop count or a comma-separated list of IP addresses/CIDRs');
  return addresses;
}

function cursorKeyFrom(env: EnvReader, nodeEnv: NodeEnv): Buffer {
  const secret = env.optionalString('CURSOR_SECRET');
  if (secret) {
    if (Buffer.byteLength(secret) < 32) throw new ConfigError('CURSOR_SECRET', 'must be at least 32 bytes');
    return Buffer.from(secret, 'utf8');
  }
  // Every instance of one deployment shares JWT_SECRET (required in production): a key of its own, derived from it.
  const jwtSecret = env.optionalString('JWT_SECRET');
  if (jwtSecret) return createHmac('sha256', jwtSecret).update('congocart cursor signing key').digest();
  if (nodeEnv === 'production') throw new ConfigError('CURSOR_SECRET', 'or JWT_SECRET is required in production');
  return Buffer.from(developmentSecret('.data/cursor-secret'), 'utf8');
}

/** SEALING_KEY (32 bytes as 64 hex digits or base64), else a key of its own derived from JWT_SECRET (shared by every instance). */
function sealingKeyFrom(env: EnvReader, nodeEnv: NodeEnv): Buffer {
  const raw = env.optionalString('SEALING_KEY');
  if (raw) {
    const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
    if (key.length !== 32) throw new ConfigError('SEALING_KEY', 'must be 32 bytes, as 64 hex digits or base64');
    return key;
  }
  const jwtSecret = env.optionalString('JWT_SECRET');
  if (jwtSecret) return createHmac('sha256', jwtSecret).update('congocart payload sealing key').digest();
  if (nodeEnv === 'production') throw new ConfigError('SEALING_KEY', 'or JWT_SECRET is required in production');
  return createHmac('sha256', developmentSecret('.data/sealing-secret')).update('congocart payload sealing key').digest();
}

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
  readonly trustProxy: boolean;
  readonly shutdownTimeoutMs: number;
  readonly shutdownGraceMs: number;

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
    this.bodyLimitBytes = env.int('BODY_LIMIT_BYTES', 1_048_576, { min: 1024 });
    this.corsOrigins = env.list('CORS_ORIGINS');
    this.logLevel = env.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info');
    this.currency = env.string('STORE_CURRENCY', 'USD');
    if (!/^[A-Z]{3}$/.test(this.currency)) {
      throw new ConfigError('STORE_CURRENCY', 'must be an ISO-4217 code such as USD');
    }
    this.redisUrl = env.url('REDIS_URL', ['redis:', 'rediss:']);
    this.trustProxy = env.bool('TRUST_PROXY', false);
    this.shutdownTimeoutMs = env.int('SHUTDOWN_TIMEOUT_MS', 10_000, { min: 0 });
    this.shutdownGraceMs = env.int('SHUTDOWN_GRACE_MS', 3000, { min: 0, max: 600_000 });
  }
}

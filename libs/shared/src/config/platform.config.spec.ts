import { ConfigError, EnvReader } from './env';
import { PlatformConfig } from './platform.config';

const configFrom = (env: Record<string, string>) => new PlatformConfig(new EnvReader(env));

describe('PlatformConfig', () => {
  it('applies defaults', () => {
    const config = configFrom({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      bodyLimitBytes: 262_144,
      currency: 'USD',
      migrationsRun: true,
      databaseUrl: undefined,
    });
  });

  it.each([
    ['PORT', 'abc', /PORT must be an integer/],
    ['PORT', '70000', /PORT must be ≤ 65535/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must use postgres: or postgresql:/],
    ['MIGRATIONS_RUN', 'yes', /MIGRATIONS_RUN must be true or false/],
    ['NODE_ENV', 'staging', /NODE_ENV must be one of/],
    ['STORE_CURRENCY', 'usd', /STORE_CURRENCY/],
    ['REDIS_URL', 'not a url', /REDIS_URL must be a URL/],
    ['TRUST_PROXY', 'true', /TRUST_PROXY trusts every X-Forwarded-For hop/],
    ['TRUST_PROXY', 'proxy.example', /TRUST_PROXY must be false, a hop count/],
    ['METRICS_TOKEN', 'short', /METRICS_TOKEN must be at least 16 bytes/],
  ])('stops on a bad %s with a message that names it', (name, value, message) => {
    expect(() => configFrom({ [name]: value })).toThrow(ConfigError);
    expect(() => configFrom({ [name]: value })).toThrow(message);
  });

  it('trusts a hop count or a list of proxy addresses, never every hop', () => {
    expect(configFrom({}).trustProxy).toBe(false);
    expect(configFrom({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(configFrom({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });

  it('serves the docs outside production unless configured', () => {
    expect(configFrom({}).docsEnabled).toBe(true);
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    expect(configFrom(production).docsEnabled).toBe(false);
    expect(configFrom({ ...production, DOCS_ENABLED: 'true' }).docsEnabled).toBe(true);
  });

  it('counts statements per response (X-Query-Count) only when asked, and never in production', () => {
    expect(configFrom({}).queryCountHeader).toBe(false);
    expect(configFrom({ QUERY_COUNT_HEADER: 'true' }).queryCountHeader).toBe(true);
    expect(configFrom({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), QUERY_COUNT_HEADER: 'true' }).queryCountHeader).toBe(false);
  });

  it('names a missing required variable', () => {
    expect(() => new EnvReader({}).string('JWT_SECRET')).toThrow('Invalid configuration: JWT_SECRET is required');
  });
});

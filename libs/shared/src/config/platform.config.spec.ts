import { ConfigError, EnvReader } from './env';
import { PlatformConfig } from './platform.config';

const configFrom = (env: Record<string, string>) => new PlatformConfig(new EnvReader(env));

describe('PlatformConfig', () => {
  it('applies defaults', () => {
    const config = configFrom({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      bodyLimitBytes: 1_048_576,
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
  ])('stops on a bad %s with a message that names it', (name, value, message) => {
    expect(() => configFrom({ [name]: value })).toThrow(ConfigError);
    expect(() => configFrom({ [name]: value })).toThrow(message);
  });

  it('names a missing required variable', () => {
    expect(() => new EnvReader({}).string('JWT_SECRET')).toThrow('Invalid configuration: JWT_SECRET is required');
  });
});

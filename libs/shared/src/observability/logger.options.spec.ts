import { EnvReader } from '../config/env';
import { PlatformConfig } from '../config/platform.config';
import { loggerOptions } from './logger.options';

const config = (nodeEnv: string) =>
  new PlatformConfig(new EnvReader({ NODE_ENV: nodeEnv, JWT_SECRET: 'a-secret-long-enough-for-hs256-0123456789abcdef' }));
const transport = (nodeEnv: string, terminal: boolean) =>
  (loggerOptions(config(nodeEnv), terminal).pinoHttp as { transport?: { target: string } }).transport?.target;

describe('loggerOptions', () => {
  it('is human-readable (pino-pretty) only for a terminal in development', () => {
    expect(transport('development', true)).toBe('pino-pretty');
    expect(transport('development', false)).toBeUndefined();
    expect(transport('production', true)).toBeUndefined();
  });
});

describe('the err serializer', () => {
  it('keeps what explains an error and leaves out the pg connection a driver error carries', () => {
    const serializers = loggerOptions(config('production'), false).pinoHttp as { serializers: { err: (error: Error) => object } };
    const error = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
      client: { secretKey: 123, connectionParameters: { user: 'postgres' } },
    });
    const logged = serializers.serializers.err(error);
    expect(logged).toMatchObject({ type: 'Error', message: 'terminating connection due to administrator command', code: '57P01' });
    expect(JSON.stringify(logged)).not.toMatch(/secretKey|connectionParameters/);
  });
});

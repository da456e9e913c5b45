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

import { spawnSync } from 'node:child_process';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Jest cannot choose describe/describe.skip asynchronously, so ask a child process to PING. */
export function redisAnswers(url: string = TEST_REDIS_URL): boolean {
  const probe = `
    const { hostname, port } = new URL(process.argv[1]);
    const socket = require('node:net').connect(Number(port) || 6379, hostname, () => socket.write('PING\\r\\n'));
    socket.setTimeout(1500, () => process.exit(1));
    socket.on('data', (data) => process.exit(String(data).startsWith('+PONG') ? 0 : 1));
    socket.on('error', () => process.exit(1));`;
  return spawnSync(process.execPath, ['-e', probe, url], { timeout: 3000 }).status === 0;
}

/**
 * describe, or describe.skip with a message when no Redis answers; on CI (CI=true) a missing
 * Redis fails the file instead, so the Redis variants are always proven there.
 */
export function describeWithRedis(file: string): jest.Describe {
  if (redisAnswers()) return describe;
  if (process.env.CI === 'true') throw new Error(`${file}: CI=true but no Redis answers PING at ${TEST_REDIS_URL}`);
  console.warn(`${file}: SKIPPED, no Redis answers PING at ${TEST_REDIS_URL} (set TEST_REDIS_URL or start Redis to run it)`);
  return describe.skip;
}

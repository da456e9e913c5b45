import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Environment shared by the global setup and the test workers. */
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export function testEnvironment(): Record<string, string> {
  return {
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    MIGRATIONS_RUN: 'false',
    SEED_DEMO_DATA: 'false',
    // Registering sends a verification e-mail: without SMTP_URL, keep the .eml files out of the repository.
    MAIL_OUTBOX_DIR: join(tmpdir(), 'congocart-test-mail'),
  };
}

/** Environment shared by the global setup and the test workers. */
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export function testEnvironment(): Record<string, string> {
  return {
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    MIGRATIONS_RUN: 'false',
    SEED_DEMO_DATA: 'false',
    // Files run in parallel on 2 shared cores: generous waits, so that load is not mistaken for an
    // outage (the fault tests set tight bounds of their own and prove them).
    DATABASE_CONNECT_TIMEOUT_MS: '30000',
    DATABASE_STATEMENT_TIMEOUT_MS: '60000',
  };
}

import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Environment shared by the global setup and the test workers. */
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export function testEnvironment(): Record<string, string> {
  // Customer e-mails of tests without an SMTP server go to the temp dir, not the repository's .data/.
  return {
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    MIGRATIONS_RUN: 'false',
    SEED_DEMO_DATA: 'false',
    // Files run in parallel on 2 shared cores: generous waits, so that load is not mistaken for an
    // outage (the fault tests set tight bounds of their own and prove them).
    DATABASE_CONNECT_TIMEOUT_MS: '30000',
    DATABASE_STATEMENT_TIMEOUT_MS: '60000',
    // The suite fires hundreds of requests from 127.0.0.1 within seconds; test/security-rate-limits lowers them again.
    RATE_LIMIT_READS_PER_IP: '1000000',
    RATE_LIMIT_READS_PER_USER: '1000000',
    RATE_LIMIT_SEARCHES_PER_IP: '1000000',
    RATE_LIMIT_WRITES_PER_IP: '1000000',
    RATE_LIMIT_WRITES_PER_USER: '1000000',
    RATE_LIMIT_GUEST_CARTS_PER_IP: '1000000',
    CHECKOUT_ATTEMPTS_PER_HOUR_PER_IP: '1000000',
    CHECKOUT_ATTEMPTS_PER_HOUR_PER_CUSTOMER: '1000000',
    GUEST_CHECKOUT_ATTEMPTS_PER_HOUR_PER_IP: '1000000',
    MAX_UNPAID_ORDERS_PER_CUSTOMER: '1000',
    // Every response says how many SQL statements it took: test/support/query-budget.ts holds each operation to its budget.
    QUERY_COUNT_HEADER: 'true',
    // Registering sends a verification e-mail: without SMTP_URL, keep the .eml files out of the repository.
    MAIL_OUTBOX_DIR: join(tmpdir(), 'congocart-test-mail'),
  };
}

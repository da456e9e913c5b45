import { randomBytes, randomUUID } from 'node:crypto';
import { AccessTokens, Role } from '@congocart/identity';
import type { TestApp } from './test-app';

/**
 * A valid access token for a user id and role, signed by the app's own token service. Handy
 * when a test is about another context; identity's own tests sign in over HTTP instead.
 * Every request checks the token's user and session in the database, so the user row and a live
 * session are inserted too; the test's next request waits for them.
 */
export function tokenFor(testApp: TestApp, role: Role, userId: string = randomUUID()): { token: string; userId: string } {
  const sessionId = randomUUID();
  testApp.http.waitFor(provision(testApp, userId, role, sessionId));
  const { accessToken } = testApp.app.get(AccessTokens).issue({ userId, role }, sessionId);
  return { token: accessToken, userId };
}

async function provision(testApp: TestApp, userId: string, role: Role, sessionId: string): Promise<void> {
  await testApp.sql(
    `INSERT INTO users (id, email, name, password_hash, role) VALUES ($1, $3, 'Token User', '$argon2id$unusable', $2)
     ON CONFLICT (id) DO NOTHING`,
    [userId, role, `${userId}@tokens.example`],
  );
  await testApp.sql(
    `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`,
    [userId, sessionId, randomBytes(32)],
  );
}

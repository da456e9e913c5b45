import { randomUUID } from 'node:crypto';
import { AccessTokens, Role } from '@congocart/identity';
import type { TestApp } from './test-app';

/**
 * A valid access token for a user id and role, signed by the app's own token service. Handy
 * when a test is about another context; identity's own tests sign in over HTTP instead.
 */
export function tokenFor(testApp: TestApp, role: Role, userId: string = randomUUID()): { token: string; userId: string } {
  const { accessToken } = testApp.app.get(AccessTokens).issue({ userId, role });
  return { token: accessToken, userId };
}

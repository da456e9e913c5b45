import { randomBytes } from 'node:crypto';
import { IdentityConfig } from '@congocart/identity';
import type { TestApp } from './test-app';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: 'customer' | 'staff' | 'admin';
  disabled: boolean;
  createdAt: string;
}

export interface SignedInAccount {
  user: TestUser;
  accessToken: string;
  refreshToken: string;
  /** The credentials used, to sign in again. */
  email: string;
  password: string;
}

export const DEFAULT_TEST_PASSWORD = 'correct horse battery staple';

/** Registers a fresh customer over HTTP (a unique e-mail unless overridden) and returns its session. */
export async function registerCustomer(
  t: TestApp,
  overrides: { email?: string; name?: string; password?: string } = {},
): Promise<SignedInAccount> {
  const email = overrides.email ?? `customer-${randomBytes(6).toString('hex')}@example.com`;
  const password = overrides.password ?? DEFAULT_TEST_PASSWORD;
  const response = await t.http.post('/api/v1/auth/register', { email, name: overrides.name ?? 'Test Customer', password });
  if (response.status !== 201) throw new Error(`registerCustomer: expected 201, got ${response.status}: ${response.text}`);
  return { ...response.body, email: response.body.user.email, password };
}

/**
 * Signs in the bootstrap admin; start the app with it:
 * `startTestApp({ ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'a long admin password' })`.
 */
export async function signInAdmin(t: TestApp): Promise<SignedInAccount> {
  const { adminEmail, adminPassword } = t.app.get(IdentityConfig);
  if (!adminEmail || !adminPassword) throw new Error('signInAdmin: start the app with startTestApp({ ADMIN_EMAIL, ADMIN_PASSWORD })');
  return signIn(t, adminEmail, adminPassword);
}

/** Signs in over HTTP; throws unless the answer is 200. */
export async function signIn(t: TestApp, email: string, password: string): Promise<SignedInAccount> {
  const response = await t.http.post('/api/v1/auth/login', { email, password });
  if (response.status !== 200) throw new Error(`signIn(${email}): expected 200, got ${response.status}: ${response.text}`);
  return { ...response.body, email: response.body.user.email, password };
}

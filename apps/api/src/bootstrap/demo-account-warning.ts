import { Logger, type INestApplicationContext } from '@nestjs/common';
import { AccountProvisioning } from '@congocart/identity';
import { DEMO_ACCOUNTS } from '../seed/demo-seed';

/**
 * Production start-up: warns loudly about every enabled account that still signs in with a
 * password published in the README (a demo seed run against this database). Returns their e-mails.
 */
export async function warnAboutDemoAccounts(app: INestApplicationContext): Promise<string[]> {
  const provisioning = app.get(AccountProvisioning);
  const found: string[] = [];
  for (const account of DEMO_ACCOUNTS) if (await provisioning.acceptsPassword(account.email, account.password)) found.push(account.email);
  if (found.length) {
    new Logger('Security').error(
      `DEMO ACCOUNTS WITH PUBLISHED PASSWORDS EXIST: ${found.join(', ')}. Disable them or change their passwords now.`,
    );
  }
  return found;
}

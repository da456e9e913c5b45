/**
 * `npm run seed` in production: refused unless `--allow-production`, and even then the demo
 * accounts (published passwords) are left out. Returns whether to create the demo accounts.
 */
export function demoAccountsAllowed(nodeEnv: string, args: string[]): boolean {
  if (nodeEnv !== 'production') return true;
  if (!args.includes('--allow-production')) {
    throw new Error(
      'Refusing to seed with NODE_ENV=production: pass --allow-production to load the demo catalog (never the demo accounts).',
    );
  }
  return false;
}

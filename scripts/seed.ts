import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadDotEnv, PlatformConfig, resolveDatabase } from '@congocart/shared';
import { AppModule } from '../apps/api/src/app.module';
import { seedDemoData } from '../apps/api/src/seed/demo-seed';
import { demoAccountsAllowed } from '../apps/api/src/seed/production-guard';

/**
 * `npm run seed [-- --products 100000]`: migrates DATABASE_URL (or the embedded database under
 * .data/) and loads the demo catalog and accounts when the catalog is empty. With
 * NODE_ENV=production it refuses unless `--allow-production`, and then loads no accounts.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const args = process.argv.slice(2);
  const products = productsArgument(args);
  const config = new PlatformConfig();
  const accounts = demoAccountsAllowed(config.nodeEnv, args);
  const log = (line: string) => console.log(line);
  const database = await resolveDatabase(config, log);
  try {
    const app = await NestFactory.createApplicationContext(AppModule.register({ config, databaseUrl: database.url }), {
      logger: ['error', 'warn'],
    });
    try {
      // Demo accounts have published passwords: never in production.
      await seedDemoData(app, { products, accounts, log });
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}

function productsArgument(args: string[]): number {
  const index = args.indexOf('--products');
  if (index === -1) return 240;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 1_000_000) throw new Error('--products must be an integer from 1 to 1000000');
  return value;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import { Logger, type INestApplication } from '@nestjs/common';
import type { PlatformConfig } from '@congocart/shared';
import { seedDemoData } from '../seed/demo-seed';

const DEMO_PRODUCTS = 240;

/**
 * On the embedded (local) database: seed the demo catalog once, when it is empty (SEED_DEMO_DATA).
 * Never in production: nothing seeds itself there.
 */
export async function onFreshEmbeddedDatabase(app: INestApplication, config: PlatformConfig): Promise<void> {
  if (!config.seedDemoData || config.nodeEnv === 'production') return;
  const logger = new Logger('DemoData');
  // The seed logs what it loaded, the demo credentials included.
  await seedDemoData(app, { products: DEMO_PRODUCTS, accounts: true, log: (line) => logger.log(line) });
}

import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { EnvReader, PlatformConfig } from '@congocart/shared';
import { createApp } from '../apps/api/src/bootstrap/create-app';
import { buildOpenApiDocument } from '../apps/api/src/bootstrap/swagger';

/**
 * Writes openapi.json from the decorators without a running server or database: the module
 * graph is built in preview mode, so no provider (and no connection) is created.
 * `--check` fails when the committed file differs (CI drift check).
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const config = new PlatformConfig(
    new EnvReader({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      CURSOR_SECRET: 'openapi-export-does-not-sign-anything-0123456789',
      // Nothing is sealed while exporting the document.
      SEALING_KEY: '0'.repeat(64),
    }),
  );
  process.env.JWT_SECRET ??= 'openapi-export-does-not-sign-anything-0123456789';
  const app = await createApp({ config, databaseUrl: 'postgres://unused@127.0.0.1:1/unused', preview: true });
  const document = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  await app.close();
  if (check) {
    const committed = (() => {
      try {
        return require('node:fs').readFileSync('openapi.json', 'utf8');
      } catch {
        return '';
      }
    })();
    if (committed !== document) {
      console.error('openapi.json is out of date: run `npm run openapi` and commit the result.');
      process.exit(1);
    }
    console.log('openapi.json is up to date.');
    return;
  }
  writeFileSync('openapi.json', document);
  console.log('Wrote openapi.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
